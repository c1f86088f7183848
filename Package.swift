// swift-tools-version:6.0
// FeedFlipNets: a literate reproducibility report generator for the FeedFlipNets paper.
// Layout and dependency directions: see DESIGN.md (Core <- Data <- Build -> Plot, Report; CLI -> Build).
import PackageDescription

// FeedFlipCore's kernels are FMA chains over SIMD8<Double>: on x86-64 they need AVX2 + FMA
// (Haswell or later, every x86-64-v3 CPU); without them each FMA becomes a libm call.
#if arch(x86_64)
let coreCPUFlags = ["-target-cpu", "haswell"]
#else
let coreCPUFlags: [String] = []
#endif

let package = Package(
    name: "FeedFlipNets",
    products: [
        .executable(name: "feedflip", targets: ["feedflip"]),
    ],
    targets: [
        // System-library shims: a module map and a header, nothing else.
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev", "fonts-dejavu-core"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CCrypto", path: "Sources/CCrypto",
            providers: [.apt(["libssl-dev"])]),

        .target(name: "FeedFlipCore", dependencies: ["CBLAS"],
                swiftSettings: [.unsafeFlags(["-Ounchecked"] + coreCPUFlags)]),
        .target(name: "FeedFlipData", dependencies: ["FeedFlipCore", "CZlib", "CCrypto"]),
        .target(name: "FeedFlipPlot", dependencies: ["CCairo", "CZlib"]),
        .target(name: "FeedFlipReport"),
        .target(name: "FeedFlipBuild",
                dependencies: ["FeedFlipCore", "FeedFlipData", "FeedFlipPlot", "FeedFlipReport"]),
        .executableTarget(name: "feedflip", dependencies: ["FeedFlipBuild"]),

        .testTarget(name: "FeedFlipCoreTests", dependencies: ["FeedFlipCore"]),
        .testTarget(name: "FeedFlipDataTests", dependencies: ["FeedFlipData"]),
        .testTarget(name: "FeedFlipPlotTests", dependencies: ["FeedFlipPlot"]),
        .testTarget(name: "FeedFlipReportTests", dependencies: ["FeedFlipReport"], exclude: ["Golden"]),
        .testTarget(name: "FeedFlipBuildTests", dependencies: ["FeedFlipBuild"]),
        .testTarget(name: "EndToEndTests", dependencies: ["FeedFlipBuild"]),
    ]
)
