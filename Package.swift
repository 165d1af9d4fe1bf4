// swift-tools-version:6.0
import PackageDescription

/// meshrender: one module per pipeline stage, a thin CLI on top. Each module and the project modules it uses
/// (ARCHITECTURE.md tells each one's job):
///
///   Platform       —                                   the machine: files and stdin, threads, the heap
///   Diagnostics    Platform                            source positions and the one-line input error
///   GoValues       Platform, Diagnostics               Go's values and library as Helm shows them: JSON, quoting, fmt, time, base64
///   YAML           Platform, Diagnostics, GoValues     libyaml parsing into marked nodes, Helm's YAML emitter
///   GoRegex        —                                   Go's regexp
///   HelmValues     YAML (and below)                    values files, --set, coalescing
///   JSONSchema     YAML, GoRegex                       values.schema.json
///   TemplateEngine GoValues (and below)                Go's text/template: lexer, parser, executor, Go's builtins
///   HelmFunctions  TemplateEngine, GoRegex             Sprig's and Helm's functions, registered with their traits
///   MeshModel      YAML                                components, matrix, expansion, NetworkPolicies
///   MeshAnalysis   MeshModel                           NetworkPolicy semantics: verify, explain, matrix
///   ManifestDiff   MeshAnalysis                        resource and connectivity diff between releases
///   Charts         HelmValues, HelmFunctions,          charts as Helm loads them, the built-in chart
///                  JSONSchema
///   MeshRender     all of the above                    the render pipeline and each subcommand's: the front door
///   MeshRenderCLI  MeshRender, Platform, GoValues      the `meshrender` command
let package = Package(
    name: "meshrender",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "meshrender", targets: ["MeshRenderCLI"]),
        .library(name: "MeshRender", targets: ["MeshRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        // libyaml, linked as a system library (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // zlib, linked as a system library (Debian: zlib1g-dev): packaged subcharts are gzipped tar files.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // C library declarations the Glibc module leaves out (the allocator's `mallopt`).
        .systemLibrary(name: "CSystem"),
        // The machine: files and stdin (bounded, irregular files refused), threads with large stacks, the heap.
        .target(name: "Platform", dependencies: ["CSystem"]),
        // Source positions (file, line, column) and the one-line error that names them.
        .target(name: "Diagnostics", dependencies: ["Platform"]),
        // Go's dynamic values (`interface{}`) and Go's ways of writing and reading them: JSON, quoting, fmt, strconv.
        .target(name: "GoValues", dependencies: ["Platform", "Diagnostics"]),
        // YAML nodes with source marks, parser over libyaml events, Helm-style emitter.
        .target(
            name: "YAML",
            dependencies: [
                "CYAML", "Platform", "Diagnostics", "GoValues",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        // Values files, Helm's merge/coalesce and --set parsing.
        .target(name: "HelmValues", dependencies: ["Platform", "Diagnostics", "GoValues", "YAML"]),
        // Components, matrix, validation, expansion, the NetworkPolicy model.
        .target(name: "MeshModel", dependencies: ["Platform", "Diagnostics", "GoValues", "YAML"]),
        // Go's regexp (RE2 syntax, leftmost-first, linear time): parser, simplifier, compiler, Pike VM.
        .target(name: "GoRegex"),
        // JSON Schema (drafts 4 to 2020-12) over the values model: what checks values.schema.json.
        .target(name: "JSONSchema", dependencies: ["GoValues", "YAML", "GoRegex"]),
        // Go's text/template as Helm runs it: lexer, parser, executor, template sets, Go's builtins;
        // functions are registered with the traits that tell the executor how to call them.
        .target(name: "TemplateEngine", dependencies: ["Platform", "Diagnostics", "GoValues"]),
        // Sprig's and Helm's function library (keys and certificates on swift-crypto and swift-certificates).
        .target(
            name: "HelmFunctions",
            dependencies: [
                "Platform", "GoValues", "YAML", "GoRegex", "TemplateEngine",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        // NetworkPolicy semantics: effective connectivity, verify, explain, matrix views.
        .target(name: "MeshAnalysis", dependencies: ["Platform", "Diagnostics", "GoValues", "YAML", "MeshModel"]),
        // Resource and connectivity diff between releases, output writers.
        .target(name: "ManifestDiff", dependencies: ["Platform", "Diagnostics", "GoValues", "YAML", "MeshModel", "MeshAnalysis"]),
        // Charts as Helm loads them: directories and packaged archives, .helmignore, Chart.yaml, dependencies and
        // subcharts, values.schema.json, the built-in chart; the errors worded as Helm words them.
        .target(
            name: "Charts",
            dependencies: [
                "Platform", "Diagnostics", "GoValues", "YAML", "HelmValues", "JSONSchema", "TemplateEngine", "HelmFunctions", "CZlib",
            ]
        ),
        // The render pipeline, output writing and each subcommand's pipeline: the library's front door.
        .target(
            name: "MeshRender",
            dependencies: [
                "Platform", "Diagnostics", "GoValues", "YAML", "HelmValues", "MeshModel", "TemplateEngine", "HelmFunctions",
                "MeshAnalysis", "ManifestDiff", "Charts",
            ],
            resources: []
        ),
        // The CLI: one small file per subcommand.
        .executableTarget(
            name: "MeshRenderCLI",
            dependencies: [
                "MeshRender", "Platform", "GoValues",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The library's example: render a mesh, verify it (README, MeshRender.docc; run by LibraryExampleTests).
        .executableTarget(name: "render-and-verify", dependencies: ["MeshRender"], path: "Examples/RenderAndVerify"),
        // The tests' shared helpers (a seeded generator, a dump of node marks).
        .target(name: "TestSupport", dependencies: ["YAML"], path: "Tests/TestSupport"),
        .testTarget(name: "PlatformTests", dependencies: ["Platform", "GoValues", "CSystem"]),
        .testTarget(name: "GoValuesTests", dependencies: ["GoValues"]),
        .testTarget(name: "YAMLTests", dependencies: ["Platform", "Diagnostics", "GoValues", "YAML", "TestSupport"]),
        .testTarget(name: "HelmValuesTests", dependencies: ["HelmValues", "TestSupport"]),
        .testTarget(name: "MeshModelTests", dependencies: ["MeshModel"]),
        .testTarget(name: "GoRegexTests", dependencies: ["GoRegex"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "TestSupport"]),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine", "HelmFunctions", "TestSupport"]),
        .testTarget(
            name: "HelmFunctionsTests",
            dependencies: [
                "HelmFunctions", "TemplateEngine", "TestSupport", .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"), .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "MeshAnalysisTests", dependencies: ["MeshAnalysis", "TestSupport"], exclude: ["Golden", "Conformance"]),
        .testTarget(name: "ManifestDiffTests", dependencies: ["ManifestDiff", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "MeshRenderTests", dependencies: ["MeshRender", "Charts", "YAML", "GoValues", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CLITests", dependencies: ["MeshRenderCLI", "render-and-verify", "YAML", "JSONSchema", "TestSupport"],
            exclude: ["Fixtures"]),
    ]
)
