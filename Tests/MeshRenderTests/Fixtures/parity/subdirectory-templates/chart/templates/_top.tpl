{{- define "where" }}top{{ end }}
