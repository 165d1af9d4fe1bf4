// HelmValues module
