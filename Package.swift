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
        // ncursesw, with the wide-character API switched on and its macros wrapped (see shim.h).
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // Async-signal-safe handlers in C: the quit flag for SIGINT/SIGTERM/SIGHUP and the crash
        // handler that restores the terminal before the process dies.
        .target(name: "CTerminalGuard"),
        // The shared core model: no terminal, no SQL, no Markdown parser.
        .target(name: "StudyCore"),
        // A notes folder on disk -> the core model.
        .target(name: "StudyContent", dependencies: ["StudyCore", "CCmarkGFM"]),
        // Progress, annotations and the event log in SQLite (GRDB): the only code that speaks SQL.
        .target(name: "StudyStore", dependencies: ["StudyCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The dashboard as pure Swift: app state, key -> action -> state reducer, widgets drawn
        // into a cell grid. Testable without a terminal.
        .target(name: "StudyTUI", dependencies: ["StudyCore", "StudyContent"]),
        // The only code that calls ncurses: setup and teardown, signals, keys, drawing the grid.
        .target(name: "StudyTerminal", dependencies: ["StudyTUI", "CNcursesw", "CTerminalGuard"]),
        .executableTarget(
            name: "studydash",
            dependencies: [
                "StudyCore", "StudyContent", "StudyStore", "StudyTUI", "StudyTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "StudyTestSupport", path: "Tests/StudyTestSupport"),
        .testTarget(name: "StudyCoreTests", dependencies: ["StudyCore"]),
        .testTarget(name: "StudyTUITests", dependencies: ["StudyTUI", "StudyCore", "StudyContent", "StudyTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "StudyContentTests", dependencies: ["StudyContent", "StudyCore", "StudyTestSupport"],
                    exclude: ["Fixtures"]),
        // A test tool: loops of store writes in a separate process, for the concurrency and
        // SIGKILL tests (a real process of its own, using the real store).
        .executableTarget(name: "store-torture", dependencies: ["StudyStore", "StudyCore"], path: "Tests/StoreTorture"),
        .testTarget(name: "StudyStoreTests", dependencies: ["StudyStore", "StudyCore", "StudyTestSupport", "store-torture",
                                                           .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StudydashCLITests", dependencies: ["studydash", "StudyTerminal", "StudyTestSupport"],
                    exclude: ["Fixtures", "Snapshots", "Probes"]),
    ]
)
