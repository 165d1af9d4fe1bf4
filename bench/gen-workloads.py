#!/usr/bin/env python3
"""Writes the Deployments that run a synthetic mesh's components (bench/gen-mesh.py N): one per component, its pods
labelled `app: svc-<id>` with a named container port, in namespace NAMESPACE.

Usage: bench/gen-workloads.py N NAMESPACE > deployments.yaml
Together with the mesh's rendered policies this is chart output as `matrix --manifests` reads it.
"""
import sys

n = int(sys.argv[1])
namespace = sys.argv[2]
width = len(str(n))
docs = []
for i in range(n):
    name = f"svc-c{i:0{width}d}"
    docs.append(
        "apiVersion: apps/v1\nkind: Deployment\n"
        f"metadata: {{name: {name}, namespace: {namespace}}}\n"
        "spec:\n  template:\n"
        f"    metadata: {{labels: {{app: {name}}}}}\n"
        f"    spec: {{containers: [{{name: main, image: main, ports: [{{name: grpc, containerPort: 8081}}]}}]}}\n"
    )
sys.stdout.write("---\n".join(docs))
