// swift-tools-version:6.0
// StudyDash: a keyboard-driven terminal dashboard for studying a subject kept as Markdown notes.
import PackageDescription

let package = Package(
    name: "StudyDash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "studydash", targets: ["studydash"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // Debian's libcmark-gfm (CommonMark + GFM tables, task lists, autolinks, strikethrough).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The shared core model: no terminal, no SQL, no Markdown parser.
        .target(name: "StudyCore"),
        // A notes folder on disk -> the core model.
        .target(name: "StudyContent", dependencies: ["StudyCore", "CCmarkGFM"]),
        .executableTarget(
            name: "studydash",
            dependencies: [
                "StudyCore", "StudyContent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "StudyTestSupport", path: "Tests/StudyTestSupport"),
        .testTarget(name: "StudyCoreTests", dependencies: ["StudyCore"]),
        .testTarget(name: "StudyContentTests", dependencies: ["StudyContent", "StudyCore", "StudyTestSupport"]),
        .testTarget(name: "StudydashCLITests", dependencies: ["studydash", "StudyTestSupport"],
                    exclude: ["Fixtures", "Snapshots"]),
    ]
)
