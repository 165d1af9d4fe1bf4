{{- define "helper" -}}helper-value{{- end -}}
