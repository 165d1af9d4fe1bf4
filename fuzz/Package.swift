// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets over the library's front door (`fuzz/run` builds them with -sanitize=fuzzer,address).
/// A separate package, so the main build and `swift test` never link a fuzzer entry point.
let package = Package(
    name: "meshrender-fuzz",
    dependencies: [.package(name: "meshrender", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "MeshRender", package: "meshrender")]),
        .executableTarget(name: "FuzzValues", dependencies: ["FuzzSupport", .product(name: "MeshRender", package: "meshrender")]),
        .executableTarget(name: "FuzzSet", dependencies: ["FuzzSupport", .product(name: "MeshRender", package: "meshrender")]),
        .executableTarget(name: "FuzzTemplates", dependencies: ["FuzzSupport", .product(name: "MeshRender", package: "meshrender")]),
        .executableTarget(name: "FuzzManifests", dependencies: ["FuzzSupport", .product(name: "MeshRender", package: "meshrender")]),
        .executableTarget(name: "FuzzPolicyEvents", dependencies: ["FuzzSupport", .product(name: "MeshRender", package: "meshrender")]),
        .executableTarget(name: "FuzzHeads", dependencies: ["FuzzSupport", .product(name: "MeshRender", package: "meshrender")]),
    ]
)
