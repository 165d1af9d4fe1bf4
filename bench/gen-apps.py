#!/usr/bin/env python3
"""Writes values for bench/docs-chart producing N documents (N/2 apps, each a Deployment and a Service).

Usage: bench/gen-apps.py N > values.yaml
"""
import sys

docs = int(sys.argv[1])
apps = max(1, docs // 2)
out = ["apps:"]
for i in range(apps):
    out.append(f"  - name: app-{i:05d}")
    out.append(f"    replicas: {1 + i % 3}")
    out.append(f"    service: {'true' if docs > 1 else 'false'}")
    out.append(f"    env: {{LOG_LEVEL: info, SHARD: {i % 7}, FEATURE_X: 'yes'}}")
    out.append(f"    ports: [{{name: http, containerPort: {8000 + i % 100}, protocol: TCP}}]")
sys.stdout.write("\n".join(out) + "\n")
