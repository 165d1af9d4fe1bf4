// MeshRender module
