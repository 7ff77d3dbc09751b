import Foundation
import StudyTestSupport
import Testing

/// `scripts/install` into a temporary prefix and `scripts/uninstall` back out. The test installs
/// the binary this suite built (`--binary`), not a release build: building one would add
/// minutes to every run, and the script's release build is the same `swift build` the other
/// scripts use. What is checked is the install itself: the installed binary finds its bundled
/// Content, `man -l` renders the installed page, the completions are where the shells look, and
/// uninstall leaves the prefix exactly as it was (someone else's files in it included).
@Suite(.enabled(if: ManPage.renderer != nil, "man is not installed (scripts/test installs man-db)"))
struct InstallScriptTests {
    static let install = (Repository.root as NSString).appendingPathComponent("scripts/install")
    static let uninstall = (Repository.root as NSString).appendingPathComponent("scripts/uninstall")

    func listing(_ root: String) throws -> [String] {
        let entries = try FileManager.default.subpathsOfDirectory(atPath: root)
        return entries.sorted()
    }

    func run(_ script: String, _ arguments: [String]) throws -> CLIResult {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "STUDYDASH_BINARY")
        return try CLI.runProcess("/usr/bin/env", ["bash", script] + arguments, cwd: Repository.root, environment: env)
    }

    @Test func installIntoAPrefixThenUninstallLeavesItAsItWas() throws {
        let prefix = try TemporaryFolder(["bin/other-tool": "#!/bin/sh\n", "share/man/man1/other.1": ".TH OTHER 1\n"])
        let before = try listing(prefix.path)
        let installed = try run(Self.install, ["--prefix", prefix.path, "--binary", CLI.binary])
        #expect(installed.status == 0, "\(installed.err)")
        for path in ["bin/studydash", "share/studydash/Content/README.md", "share/man/man1/studydash.1",
                     "share/bash-completion/completions/studydash", "share/zsh/site-functions/_studydash",
                     "share/fish/vendor_completions.d/studydash.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix.url(path)), "\(path) was not installed")
        }

        // From a folder far from the checkout, with its own copy of Content beside it.
        let binary = prefix.url("bin/studydash")
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "STUDYDASH_CONTENT")
        let tree = try CLI.runProcess(binary, ["tree", "--depth", "0", "--json"], cwd: "/", environment: env)
        #expect(tree.status == 0, "\(tree.err)")
        #expect(tree.out.contains("\"source\":\"\(prefix.url("share/studydash/Content"))/"), "the installed copy is read: \(tree.out.prefix(300))")
        let page = try ManPage.render(prefix.url("share/man/man1/studydash.1"))
        #expect(page.contains("EXIT STATUS"))

        let again = try run(Self.install, ["--prefix", prefix.path, "--binary", CLI.binary])
        #expect(again.status == 0, "installing over our own install replaces it: \(again.err)")

        let removed = try run(Self.uninstall, ["--prefix", prefix.path])
        #expect(removed.status == 0, "\(removed.err)")
        #expect(try listing(prefix.path) == before)
    }

    /// The uninstall hint is there to be copied: a prefix with a space in it must come back,
    /// read by the shell, as the same one folder.
    @Test func theUninstallHintIsQuotedForTheShell() throws {
        let folder = try TemporaryFolder(["my prefix/.keep": ""])
        let prefix = folder.url("my prefix")
        let installed = try run(Self.install, ["--prefix", prefix, "--binary", CLI.binary])
        #expect(installed.status == 0, "\(installed.err)")
        let hint = try #require(installed.err.split(separator: "\n").first { $0.contains("scripts/uninstall --prefix ") })
        let word = try #require(hint.components(separatedBy: "scripts/uninstall --prefix ").last?.components(separatedBy: " removes").first)
        let parsed = try CLI.runProcess("/usr/bin/env", ["bash", "-c", "printf '%s|' " + word], cwd: "/", environment: [:])
        #expect(parsed.out == prefix + "|", "the hint \(hint) reads back as \(parsed.out)")
        #expect(try run(Self.uninstall, ["--prefix", prefix]).status == 0)
    }

    @Test func installRefusesToOverwriteSomeoneElsesFile() throws {
        let prefix = try TemporaryFolder(["bin/studydash": "not ours\n"])
        let installed = try run(Self.install, ["--prefix", prefix.path, "--binary", CLI.binary])
        #expect(installed.status == 1)
        #expect(installed.err.contains("was not installed by scripts/install"), "\(installed.err)")
        #expect(try String(contentsOfFile: prefix.url("bin/studydash"), encoding: .utf8) == "not ours\n")
        #expect(try listing(prefix.path) == ["bin", "bin/studydash"])
    }

    @Test func uninstallRefusesAManifestThatLeavesThePrefix() throws {
        let prefix = try TemporaryFolder(["share/studydash/install-manifest": "file ../outside\n", "keep": "x"])
        let removed = try run(Self.uninstall, ["--prefix", prefix.path])
        #expect(removed.status == 1)
        #expect(removed.err.contains("leaves the prefix"), "\(removed.err)")
        #expect(FileManager.default.fileExists(atPath: prefix.url("keep")))
    }

    /// A folder of the prefix replaced by a symlink: the manifest's path is relative and has no
    /// `..`, yet removing it would remove a file outside the prefix.
    @Test func uninstallRefusesAPathThroughASymlinkedFolder() throws {
        let outside = try TemporaryFolder(["victim": "precious\n"])
        let prefix = try TemporaryFolder(["share/studydash/install-manifest": "file evil/victim\ndir evil\n"])
        try prefix.symlink("evil", to: outside.path)
        let removed = try run(Self.uninstall, ["--prefix", prefix.path])
        #expect(removed.status == 1)
        #expect(removed.err.contains("leaves the prefix"), "\(removed.err)")
        #expect(FileManager.default.fileExists(atPath: outside.url("victim")))
    }
}
