// ManifestDiff module
