{{/*
Labels of a rendered policy: the expansion's own (app.kubernetes.io/component names the mesh
component, so later tools can name endpoints from manifests alone), plus release bookkeeping.
Call with (dict "policy" POLICY "root" $).
*/}}
{{- define "meshrender.labels" -}}
{{- $common := dict "app.kubernetes.io/instance" .root.Release.Name "app.kubernetes.io/managed-by" "meshrender" -}}
{{- toYaml (merge (deepCopy .policy.labels) $common) -}}
{{- end }}
