{{- define "vald-like.labels" -}}
app: {{ .name }}
app.kubernetes.io/name: vald
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
