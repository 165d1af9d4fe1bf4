{{- define "umbrella.owner" -}}
owner: {{ .Chart.Name }}-{{ .Values.global.env }}
{{- end -}}
