import Foundation
import Testing
import StudyTestSupport

@Suite struct CheckCommandTests {
    @Test func cleanFolderExitsZeroWithASummary() throws {
        let result = try CLI.run(["check", "--content", "notes"])
        #expect(result.status == 0)
        #expect(result.out.hasSuffix("check: 8 topics, 6 resources, 0 warnings, 1 duplicate URL, 0 empty topics\n"))
        #expect(result.out.contains("duplicate URL: https://semver.org/"))
    }

    @Test func warningsAreListedAndOnlyStrictFailsOnThem() throws {
        let folder = try TemporaryFolder(["ok.md": "# OK\n", "empty.md": ""])
        try folder.write("blob.md", Data([0x00, 0x01, 0x02]))
        try folder.write("bad.md", Data("# Bad\nline two \u{FF}".utf8) + Data([0xFF, 0x0A]))
        let result = try CLI.run(["check", "--content", folder.path])
        #expect(result.status == 0)
        #expect(result.out.contains("\(folder.path)/blob.md: skipped: looks like a binary file (NUL byte)\n"))
        #expect(result.out.contains("\(folder.path)/bad.md:2: invalid UTF-8 replaced with U+FFFD\n"))
        #expect(result.out.contains("empty topic: empty"))
        #expect(try CLI.run(["check", "--strict", "--content", folder.path]).status == 2)
        let json = try CLI.run(["check", "--json", "--content", folder.path]).json()
        #expect((json["warnings"] as? [[String: Any]])?.count == 2)
    }

    @Test func missingFolderFails() throws {
        let result = try CLI.run(["check", "--content", "/nonexistent/notes"])
        #expect(result.status == 1)
        #expect(result.err.contains("/nonexistent/notes"))
    }
}

@Suite struct ShowCommandTests {
    @Test func topicShowsBreadcrumbWrappedNoteAndResources() throws {
        let result = try CLI.run(["show", "Versioning", "--content", "notes", "--width", "40"])
        #expect(result.status == 0)
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Versioning")
        #expect(lines[1] == "Fixture Notes › Basics › Versioning")
        #expect(lines.contains("Version numbers tell users what changed."))
        #expect(result.out.contains("[x] Conventional Commits"))
        #expect(result.out.contains("    https://semver.org/"))
        #expect(lines.contains("Semantic versioning makes that a"))
        #expect(lines.filter { !$0.contains("http") && !$0.contains("·") }.allSatisfy { $0.count <= 40 })
    }

    @Test func resourceByURLShowsWhereItIsListed() throws {
        let result = try CLI.run(["show", "https://SEMVER.org", "--content", "notes"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Semantic Versioning\n"))
        #expect(result.out.contains("Fixture Notes › Basics › Versioning"))
        #expect(result.out.contains("Fixture Notes › Later"))
    }

    @Test func ambiguousTitleListsCandidatesAndFails() throws {
        let result = try CLI.run(["show", "rage", "--content", "notes"])
        #expect(result.status == 1)
        #expect(result.err.contains("'rage' matches 4 items"))
        #expect(result.err.contains("Hot storage"))
        #expect(result.err.contains("Cold storage"))
        #expect(result.out.isEmpty)
    }

    /// The README's own example: the bundled "Kubernetes" is a topic and a resource.
    @Test func aTopicWinsATieWithAResourceOfTheSameTitle() throws {
        let folder = try TemporaryFolder([
            "kubernetes.md": "# Kubernetes\n\nOrchestration.\n\n- [Kubernetes](https://kubernetes.io/) — Official docs.\n",
        ])
        let result = try CLI.run(["show", "Kubernetes", "--content", folder.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Kubernetes\n"))
        #expect(result.out.contains("\nResources\n"), "shows the topic, not the resource")
        let bundled = try CLI.run(["show", "Kubernetes"])
        #expect(bundled.status == 0, "\(bundled.err)")
    }

    @Test func ambiguousCandidatesShowTheirPlaceAndURL() throws {
        let result = try CLI.run(["show", "rage", "--content", "notes"])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("topic") && $0.hasSuffix("Hot storage") })
        #expect(lines.contains("      in Fixture Notes › Basics › Storage"))
        #expect(lines.contains("      https://cloud.google.com/storage/docs/storage-classes"))
        let json = try CLI.run(["show", "rage", "--json", "--content", "notes"]).json()
        let candidates = json["candidates"] as? [[String: Any]] ?? []
        #expect(candidates.count == 4)
        #expect(candidates.contains { ($0["place"] as? [String]) == ["Fixture Notes", "Basics", "Storage"] })
        #expect(candidates.contains { $0["url"] as? String == "https://cloud.google.com/storage/docs/storage-classes" })
    }

    @Test func anAmbiguousIDPrefixListsPlacesToo() throws {
        let tree = try CLI.run(["tree", "--json"]).json()
        var ids: [String] = []
        func collect(_ topic: [String: Any]) {
            ids.append(topic["id"] as? String ?? "")
            // Linked resources only: a task item (a capstone step) has no URL line to list.
            for resource in topic["resources"] as? [[String: Any]] ?? [] where resource["url"] is String {
                ids.append(resource["id"] as? String ?? "")
            }
            for child in topic["children"] as? [[String: Any]] ?? [] { collect(child) }
        }
        for root in tree["roots"] as? [[String: Any]] ?? [] { collect(root) }
        let shared = Dictionary(grouping: Set(ids).filter { $0.hasPrefix("r") }, by: { String($0.prefix(3)) })
        let prefix = try #require(shared.first { $0.value.count >= 2 }?.key)
        let result = try CLI.run(["show", prefix])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("      in ") }.count >= 2, "\(result.err)")
        #expect(lines.filter { $0.hasPrefix("      http") }.count >= 2, "\(result.err)")
    }

    /// A wikilink or a relative link to a note is printed as what it leads to (the topic's place
    /// and ID, as the dashboard would follow it) or why it cannot be followed; a web link as is.
    @Test func noteLinksSayWhereTheyLead() throws {
        let folder = try TemporaryFolder([
            "README.md": "# Notes\n",
            "alpha.md": "# Alpha\n\nRead [[Beta]], [its gamma](./beta.md#gamma), [[Missing]], [out](../x.md)"
                + " and [the web](https://example.com/).\n",
            "beta.md": "# Beta\n\n## Gamma\n\nText.\n",
        ])
        let id = { (title: String) in
            (try? CLI.run(["show", title, "--json", "--content", folder.path]).json()["id"] as? String) ?? "?"
        }
        let result = try CLI.run(["show", "Alpha", "--content", folder.path])
        #expect(result.status == 0, "\(result.err)")
        let links = result.out.components(separatedBy: "Links in the note\n").last ?? ""
        #expect(links == """
              [1] [[Beta]] → Notes › Beta  \(id("Beta"))
              [2] ./beta.md#gamma → Notes › Beta › Gamma  \(id("Gamma"))
              [3] not following '[[Missing]]': no note named 'Missing' in the notes folders
              [4] not following '../x.md': it leads outside the notes folders
              [5] https://example.com/

            """)
    }

    /// A code line is never wrapped, but a 100 KB one must not go out whole: cut at --width with
    /// `…`, as the reader cuts it at the pane's edge.
    @Test func longCodeLinesAreCutAtTheWidth() throws {
        let long = String(repeating: "x", count: 100_000)
        let folder = try TemporaryFolder(["code.md": "# Code\n\n```sh\necho \(long)\nls\n```\n"])
        let result = try CLI.run(["show", "Code", "--content", folder.path, "--width", "40"])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
        let code = lines.filter { $0.hasPrefix("│") || $0.hasPrefix("╭") || $0.hasPrefix("╰") }
        #expect(code.count == 4 && code.allSatisfy { $0.count <= 40 }, "a code line is \(code.map(\.count).max() ?? 0) wide")
        #expect(lines.contains { $0.hasPrefix("│ echo xxx") && $0.hasSuffix("…") } && lines.contains("│ ls"), "\(result.out.prefix(400))")
    }

    @Test func unknownItemFails() throws {
        let result = try CLI.run(["show", "quantum gravity", "--content", "notes"])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("studydash: nothing matches 'quantum gravity'"))
    }

    @Test func jsonForATopic() throws {
        let json = try CLI.run(["show", "Versioning", "--json", "--content", "notes"]).json()
        #expect(json["kind"] as? String == "topic")
        #expect((json["note"] as? String)?.contains("*Semantic*") == true)
        #expect((json["path"] as? [String]) == ["Fixture Notes", "Basics"])
    }
}

/// A notes folder full of escape sequences must not be able to drive the terminal.
@Suite struct HostileContentTests {
    /// Bidi overrides in a title or note would reorder the line a terminal shows the JSON on.
    @Test func jsonEscapesBidiControls() throws {
        let folder = try TemporaryFolder(["bidi.md": "# Flip \u{202E}txt.exe\u{2066}\n\nNote \u{202A}x\u{2069}\n"])
        for arguments in [["tree", "--json"], ["show", "Flip", "--json"]] {
            let result = try CLI.run(arguments + ["--content", folder.path])
            #expect(result.status == 0, "\(arguments): \(result.err)")
            #expect(!result.out.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                    "\(arguments) printed a raw bidi control")
            #expect(result.out.contains(#"\u202etxt.exe"#), "\(arguments): \(result.out.prefix(300))")
        }
    }

    @Test func noControlCharacterReachesTheTerminal() throws {
        let evil = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{08}"
        let bracketless = "\u{1B}]0;pwned\u{07}\u{9B}2J\u{08}"
        let folder = try TemporaryFolder([
            "evil.md": "# Title \(evil)\n\nProse \(evil)\n\n- [Link \(bracketless)](https://a.org/x) — desc \(evil)\n",
        ])
        for arguments in [["tree", "--ids", "--resources"], ["check"], ["show", "Title"], ["show", "https://a.org/x"],
                          ["tree", "--json"], ["show", "Title", "--json"]] {
            let result = try CLI.run(arguments + ["--content", folder.path])
            #expect(result.status == 0, "\(arguments): \(result.err)")
            let bytes = [UInt8](result.stdout)
            #expect(!bytes.contains(0x1B), "\(arguments) printed a raw ESC")
            #expect(!bytes.contains(0x07) && !bytes.contains(0x08), "\(arguments) printed BEL or BS")
            #expect(!result.out.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "\(arguments) printed a C1 control")
            if !arguments.contains("--json") && arguments[0] != "check" { #expect(result.out.contains("␛")) }
        }
    }
}
