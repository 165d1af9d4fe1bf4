#!/usr/bin/env python3
"""Writes nca's pod and namespace lists for a bench/gen-mesh.py mesh: one pod per component (label app=<name>)
in NAMESPACE, plus kube-system's DNS pod.

Usage: bench/nca-inputs.py mesh.yaml NAMESPACE OUTDIR   (writes OUTDIR/pods.yaml and OUTDIR/ns.yaml)
"""
import json
import os
import re
import sys

path, namespace, outdir = sys.argv[1:4]
os.makedirs(outdir, exist_ok=True)
names = [m.group(1) for m in (re.match(r"    \S+: \{name: (\S+)\}", l) for l in open(path)) if m]
def pod(name, ns, labels, i):
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "namespace": ns, "labels": labels},
            "spec": {"containers": [{"name": "main", "image": "example"}]},
            "status": {"podIP": f"10.244.{i // 250}.{i % 250 + 1}", "hostIP": "10.0.0.1"}}
pods = [pod(f"{n}-0", namespace, {"app": n}, i) for i, n in enumerate(names)]
pods.append(pod("coredns-0", "kube-system", {"k8s-app": "kube-dns"}, len(names)))
namespaces = [{"apiVersion": "v1", "kind": "Namespace",
               "metadata": {"name": ns, "labels": {"kubernetes.io/metadata.name": ns}}} for ns in (namespace, "kube-system")]
json.dump({"apiVersion": "v1", "kind": "PodList", "items": pods}, open(os.path.join(outdir, "pods.yaml"), "w"))
json.dump({"apiVersion": "v1", "kind": "NamespaceList", "items": namespaces}, open(os.path.join(outdir, "ns.yaml"), "w"))
