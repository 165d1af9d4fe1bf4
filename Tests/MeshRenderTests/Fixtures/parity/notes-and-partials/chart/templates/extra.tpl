kind: ConfigMap
metadata:
  name: from-tpl
