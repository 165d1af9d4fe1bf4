// MeshAnalysis module
