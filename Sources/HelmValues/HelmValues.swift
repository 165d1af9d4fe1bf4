// HelmValues: values as Helm builds them for `helm template`.
//
//   -f files ──► ValuesFile.load ──► ValuesMerge.mergeMaps ─┐
//   --set-json / --set / --set-string / --set-file /        ├──► ValuesOptions.merged ──► Coalesce.coalesce(defaults:user:)
//   --set-literal ──► SetParser.parse ──────────────────────┘
//
// Every node keeps the mark of where it was written: `file:line:col` for files, and
// `--set:1:<column in the argument>` for command-line overrides.
