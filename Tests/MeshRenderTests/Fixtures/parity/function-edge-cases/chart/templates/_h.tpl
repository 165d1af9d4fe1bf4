{{- define "h.x" }}X{{ . }}{{ end -}}
{{- define "h.y" -}}
a: 1
b: {{ .b }}
{{- end -}}
