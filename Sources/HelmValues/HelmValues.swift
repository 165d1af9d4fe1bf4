// HelmValues: values as Helm v4 builds them for `helm template`.
//
//   -f files ──► ValuesFile.load ──► ValuesMerge.mergeMaps ─┐
//   --set-json / --set / --set-string / --set-file /        ├──► ValuesOptions.merged ──► Coalesce.coalesce(defaults:user:)
//   --set-literal ──► SetParser.parse ──────────────────────┘
//
// Every node keeps the mark of where it was written: `file:line:col` for files, and
// `<flag>:<n>:<col>` (n-th argument of that flag, column in it) for command-line overrides.
//
// Semantics worth knowing (all checked against the helm v4.1.4 binary by HelmParityTests):
// - Numbers from files and --set-json are floats; --set integers are 64-bit ints.
// - Kinds apply in a fixed order (files, json, set, string, file, literal), whatever the
//   command line's order.
// - A --set path through a value of another type is an error (Helm's recovered type-assertion
//   panic); a list element that is not a map is replaced when a path goes through it with `.`.
// - An argument that ends mid-key is not an error (`a[0`, `a.`), and may leave partial edits.
// - Coalescing keeps nulls the chart writes; a user null deletes a key only where the chart has
//   a non-null value (at the top level: wherever the chart has the key).
