{{- define "shop.labels" -}}
{{ toYaml (mergeOverwrite (dict "app" .name) .root.Values.labels) }}
counter: {{ .root.Values.counter | quote }}
{{- end }}
{{- define "shop.bump" -}}
{{- $_ := set .Values "counter" (add .Values.counter 1) -}}
{{- end }}
{{- define "shop.checksum" -}}
{{ include (print $.Template.BasePath "/config.yaml") . | sha256sum }}
{{- end }}
