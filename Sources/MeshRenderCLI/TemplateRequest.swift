import MeshRender

/// A `meshrender template` command line turned into the pipeline's inputs, with Helm's rules for
/// the release name and one-line refusals of the flags meshrender does not implement.
struct TemplateRequest {
    /// The chart directory or packaged chart.
    var chart: String
    /// `-f` files and the `--set*` flags.
    var values: ValuesInput
    /// Name, namespace, `--kube-version`, `--api-versions`, `--is-upgrade`.
    var release: ReleaseInput
    /// CRDs, hooks, `--show-only`, `--release-name`.
    var output: HelmTemplateOutput

    /// A refusal or a misuse of the positionals: one line, exit status 2.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// The request `arguments` make, or the first refusal or misuse in them.
    init(_ arguments: TemplateArguments) throws {
        for flag in TemplateFlag.all where arguments.has(flag.long) {
            if let reason = flag.refusal { throw Refusal(description: "--\(flag.long) is not supported: \(reason)") }
        }
        if let dryRun = arguments.last("dry-run") {
            switch dryRun {
            case "unset", "client": break
            case "server": throw Refusal(description: "--dry-run=server is not supported: \(TemplateFlag.cluster)")
            // Helm's flag accepts `none` too; helm template then refuses it.
            case "none": throw Refusal(description: "invalid dry-run value (\"none\"). Must be \"server\" or \"client\"")
            default:
                throw Refusal(description: "invalid dry-run value (\"\(dryRun)\"). Must be \"none\", \"server\", or \"client\"")
            }
        }
        let positionals = arguments.positionals
        let nameTemplate = arguments.last("name-template") ?? ""
        let name: String
        switch positionals.count {
        case 0:
            throw Refusal(description: "\"meshrender template\" requires at least 1 argument: [NAME] CHART")
        case 1:
            chart = positionals[0]
            name = nameTemplate.isEmpty ? "release-name" : try Pipeline.releaseName(nameTemplate: nameTemplate)
        case 2:
            if arguments.isSet("generate-name") { throw Refusal(description: "cannot set --generate-name and also specify a name") }
            if !nameTemplate.isEmpty { throw Refusal(description: "cannot set --name-template and also specify a name") }
            name = positionals[0]
            chart = positionals[1]
        default:
            throw Refusal(description:
                "expected at most two arguments, unexpected arguments: \(positionals.dropFirst(2).joined(separator: ", "))")
        }
        if let scheme = TemplateRequest.remoteScheme(chart) {
            throw Refusal(description: "chart \"\(chart)\": \(scheme) charts are not supported: \(TemplateFlag.repository)")
        }
        for file in arguments.all("values") where TemplateRequest.remoteScheme(file).map({ $0 != "oci" }) == true {
            throw Refusal(description: "values file \"\(file)\": values from URLs are not supported: download the file first")
        }
        values = ValuesInput(
            valueFiles: arguments.all("values"), jsonValues: arguments.all("set-json"), setValues: arguments.all("set"),
            stringValues: arguments.all("set-string"), fileValues: arguments.all("set-file"),
            literalValues: arguments.all("set-literal"))
        release = ReleaseInput(
            name: name, namespace: arguments.last("namespace") ?? "default",
            apiVersions: arguments.all("api-versions"), isUpgrade: arguments.isSet("is-upgrade"),
            skipSchemaValidation: arguments.isSet("skip-schema-validation"))
        if let kubeVersion = arguments.last("kube-version"), !kubeVersion.isEmpty { release.kubeVersion = kubeVersion }
        output = HelmTemplateOutput()
        output.includeCRDs = arguments.isSet("include-crds")
        output.skipTests = arguments.isSet("skip-tests")
        output.noHooks = arguments.isSet("no-hooks")
        output.showOnly = arguments.all("show-only")
        output.releaseNameDirectory = arguments.isSet("release-name")
    }

    /// `http`, `https` or `oci` when `reference` is such a URL (helm would download it).
    static func remoteScheme(_ reference: String) -> String? {
        for scheme in ["http", "https", "oci"] where reference.lowercased().hasPrefix(scheme + "://") { return scheme }
        return nil
    }
}
