import sys
comps = ["agent","discoverer","filter-gateway","lb-gateway","index-manager"]
def policies(edges, ks_ingress=("filter-gateway","lb-gateway")):
    out=[]
    for c in sorted(comps):
        name=f"vald-{c}"
        srcs=sorted(s for s,d in edges if d==c)
        dsts=sorted(d for s,d in edges if s==c)
        lines=[f"# Source: vald/templates/{c}/networkpolicy.yaml","apiVersion: networking.k8s.io/v1","kind: NetworkPolicy","metadata:",
               f"  name: {name}-allow","  namespace: vald","  labels:",f"    app.kubernetes.io/name: {name}",f"    app.kubernetes.io/component: {c}","    helm.sh/chart: vald-1.7.0","spec:","  podSelector:","    matchLabels:",f"      app: {name}","  policyTypes:","  - Ingress","  - Egress"]
        ing=[]
        if srcs:
            ing.append("  - from:")
            for s in srcs:
                ing += ["    - namespaceSelector:","        matchLabels:","          kubernetes.io/metadata.name: vald","      podSelector:","        matchLabels:",f"          app: vald-{s}"]
        if c in ks_ingress:
            ing += ["  - from:","    - namespaceSelector:","        matchLabels:","          kubernetes.io/metadata.name: kube-system"]
        if ing: lines += ["  ingress:"]+ing
        eg=[]
        if dsts:
            eg.append("  - to:")
            for d in dsts:
                eg += ["    - namespaceSelector:","        matchLabels:","          kubernetes.io/metadata.name: vald","      podSelector:","        matchLabels:",f"          app: vald-{d}"]
        eg += ["  - to:","    - namespaceSelector:","        matchLabels:","          kubernetes.io/metadata.name: kube-system"]
        lines += ["  egress:"]+eg
        out.append("\n".join(lines))
    return out
base=[("filter-gateway","lb-gateway"),("lb-gateway","agent"),("lb-gateway","discoverer"),("index-manager","agent"),("index-manager","discoverer")]
overlay=[e for e in base if e!=("lb-gateway","discoverer")]+[("filter-gateway","agent")]
which=sys.argv[1]
docs=policies(base if which=="old" else overlay)
print("---\n"+"\n---\n".join(docs))
