// swift-tools-version:6.0
// StudyDash: a keyboard-driven terminal dashboard for studying a subject kept as Markdown notes.
import Foundation
import PackageDescription

// The release binary's start-up memory and time. Linked by lld as a position-dependent executable,
// so that the loader applies no relocations to the ~90,000 pointers of the static Swift runtime
// (pages that were then dirty and resident for the whole run); exporting none of its ~11,000
// symbols, so that the loader's lookups for the shared libraries do not page through them (no
// library looks a symbol up in the executable); with the functions the first screen runs laid out
// together (scripts/lib/startup-order.txt, written by bench/startup_order.sh), so that starting
// touches fewer code pages; without the shared C++ runtime, which it never calls (the archive's is
// linked, see below) and whose loading was half the loader's start-up work (2.0 M of 4.0 M
// instructions, its relocations): `-lstdc++` finds scripts/lib/link/libstdc++.so first, which
// names it as needed only; and with SQLite, cmark-gfm and ncurses linked from their static archives
// (scripts/lib/link names them), so that loading the three libraries, their relocations and symbol
// lookups leave start-up too (`status` on the bundled notes: 16.4 M -> 14.4 M instructions, the
// loader's share 2.0 M -> 0.2 M). None changes what the code does; a name the order file lists that no
// longer exists is skipped.
let packageRoot = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
let releaseLinking: [LinkerSetting] = [
    .unsafeFlags(["-use-ld=lld", "-Xclang-linker", "-no-pie",
                  "-Xlinker", "--symbol-ordering-file=\(packageRoot)/scripts/lib/startup-order.txt",
                  "-Xlinker", "--no-warn-symbol-ordering", "-Xlinker", "--no-export-dynamic",
                  "-L\(packageRoot)/scripts/lib/link"]
                 + staticCxxRuntime,
                 .when(platforms: [.linux], configuration: .release)),
]

// The C++ runtime that the Swift runtime and TOMLKit's C++ call, from GCC's static archive where
// there is one, so that what they use lies among the rest of the code: called in the shared
// libstdc++, it kept 668 kB of that library's code resident. Named as an input file, not with
// -Xlinker, so that it comes before the static Swift runtime's `-lstdc++` and the linker takes the
// symbols from it; the shared library, then called for nothing, is not loaded (see above).
// The newest GCC's, as clang picks for linking.
var staticCxxRuntime: [String] {
    let gcc = "/usr/lib/gcc/x86_64-linux-gnu"
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: gcc)) ?? []
    return versions.compactMap { Int($0) }.sorted(by: >).map { "\(gcc)/\($0)/libstdc++.a" }
        .first { FileManager.default.fileExists(atPath: $0) }.map { [$0] } ?? []
}

let package = Package(
    name: "StudyDash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "studydash", targets: ["studydash"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // The config file (TOML 1.0, with the line and column of a syntax error).
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // Debian's libcmark-gfm (CommonMark + GFM tables, task lists, autolinks, strikethrough).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: pkgConfig("libcmark-gfm"),
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // ncursesw, with the wide-character API switched on and its macros wrapped (see shim.h).
        .systemLibrary(name: "CNcursesw", pkgConfig: pkgConfig("ncursesw"), providers: [.apt(["libncurses-dev"])]),
        // Async-signal-safe handlers in C: the quit flag for SIGINT/SIGTERM/SIGHUP and the crash
        // handler that restores the terminal before the process dies.
        .target(name: "CTerminalGuard"),
        // Text for a terminal, knowing no application: display width, control-safe text, styled
        // spans and their one word wrap, counted nouns, a rendered note.
        .target(name: "StudyText", swiftSettings: fastMetadata),
        // The shared core model: no terminal, no SQL, no Markdown parser.
        .target(name: "StudyCore", dependencies: ["StudyText"], swiftSettings: fastMetadata),
        // A notes folder on disk -> the core model; the note renderer.
        .target(name: "StudyContent", dependencies: ["StudyCore", "StudyText", "CCmarkGFM"], swiftSettings: fastMetadata),
        // Progress, annotations and the event log in SQLite (GRDB): the only code that speaks SQL.
        .target(name: "StudyStore", dependencies: ["StudyCore", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: fastMetadata),
        // What both front ends share: the session (notes + store), the actions that change
        // progress with typed results, and the ports to a browser and an editor.
        .target(name: "StudyApp", dependencies: ["StudyCore", "StudyText", "StudyContent", "StudyStore"], swiftSettings: fastMetadata),
        // A screen as cells, and what a terminal reports (key, resize, tick): knows no application.
        .target(name: "TermGrid", dependencies: ["StudyText"], swiftSettings: fastMetadata),
        // The dashboard as pure Swift: app state, message -> state + effects reducers, widgets
        // drawn into a cell grid. Testable without a terminal.
        .target(name: "StudyTUI", dependencies: ["StudyCore", "StudyText", "TermGrid"], swiftSettings: fastMetadata),
        // The only code that calls ncurses: setup and teardown, signals, keys, drawing the grid.
        .target(name: "StudyTerminal", dependencies: ["TermGrid", "CNcursesw", "CTerminalGuard"], swiftSettings: fastMetadata),
        .executableTarget(
            name: "studydash",
            dependencies: [
                "StudyText", "StudyCore", "StudyContent", "StudyStore", "StudyApp", "TermGrid", "StudyTUI",
                "StudyTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: fastMetadata,
            linkerSettings: releaseLinking
        ),
        .target(name: "StudyTestSupport", path: "Tests/StudyTestSupport"),
        .testTarget(name: "StudyTextTests", dependencies: ["StudyText"]),
        .testTarget(name: "StudyCoreTests", dependencies: ["StudyCore", "StudyText", "StudyTestSupport"]),
        .testTarget(name: "StudyAppTests", dependencies: ["StudyApp", "StudyCore", "StudyContent", "StudyStore",
                                                           "StudyTestSupport"]),
        .testTarget(name: "StudyTUITests", dependencies: ["StudyTUI", "TermGrid", "StudyText", "StudyCore", "StudyContent",
                                                          "StudyTestSupport"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "StudyContentTests", dependencies: ["StudyContent", "StudyCore", "StudyText", "StudyTestSupport"],
                    exclude: ["Fixtures"]),
        // A test tool: loops of store writes in a separate process, for the concurrency and
        // SIGKILL tests (a real process of its own, using the real store).
        .executableTarget(name: "store-torture", dependencies: ["StudyStore", "StudyCore"], path: "Tests/StoreTorture"),
        .testTarget(name: "StudyStoreTests", dependencies: ["StudyStore", "StudyCore", "StudyTestSupport", "store-torture",
                                                           .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StudydashCLITests", dependencies: ["studydash", "StudyTerminal", "TermGrid", "StudyTestSupport"],
                    exclude: ["Fixtures", "Snapshots", "Probes"]),
    ]
)

// Where a system library is found. On Linux its headers and library are on the default paths, and
// pkg-config is not asked: SwiftPM turns its answer into `-L/usr/lib/x86_64-linux-gnu` ahead of
// every other library folder of the link, which would hide scripts/lib/link's static archives from
// the release link (see libsqlite3.so there). Elsewhere (Homebrew) pkg-config tells the paths.
func pkgConfig(_ name: String) -> String? {
    #if os(Linux)
    return nil
    #else
    return name
    #endif
}

// Our targets' release code reaches a concrete generic type's metadata (`Set<String>`,
// `[TopicID: Row]`) through a direct accessor, not by demangling its name at run time: that
// lookup checks the type's conformances (`Hashable`) by scanning every conformance record of this
// static binary, about 0.4 M instructions per type on first use, ten of them before the first
// screen. Main thread to the first screen on the bundled notes (callgrind, 100x30): 31.4 M ->
// 29.1 M instructions. Release only: debug builds keep the compiler's default.
var fastMetadata: [SwiftSetting] {
    [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                  .when(configuration: .release))]
}
