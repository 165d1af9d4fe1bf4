{{- define "lib.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
{{- range $k, $v := .Values.global.labels }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end -}}
