{{- define "where" }}override{{ end }}
