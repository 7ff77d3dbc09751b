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
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
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
        // Progress, annotations and the event log in SQLite (GRDB): the only code that speaks SQL.
        .target(name: "StudyStore", dependencies: ["StudyCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "studydash",
            dependencies: [
                "StudyCore", "StudyContent", "StudyStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "StudyTestSupport", path: "Tests/StudyTestSupport"),
        .testTarget(name: "StudyCoreTests", dependencies: ["StudyCore"]),
        .testTarget(name: "StudyContentTests", dependencies: ["StudyContent", "StudyCore", "StudyTestSupport"]),
        // A test tool: loops of store writes in a separate process, for the concurrency and
        // SIGKILL tests (a real process of its own, using the real store).
        .executableTarget(name: "store-torture", dependencies: ["StudyStore", "StudyCore"], path: "Tests/StoreTorture"),
        .testTarget(name: "StudyStoreTests", dependencies: ["StudyStore", "StudyCore", "StudyTestSupport", "store-torture"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StudydashCLITests", dependencies: ["studydash", "StudyTestSupport"],
                    exclude: ["Fixtures", "Snapshots"]),
    ]
)
