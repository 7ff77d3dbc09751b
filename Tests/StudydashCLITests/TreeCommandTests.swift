import Foundation
import Testing
import StudyTestSupport

@Suite struct TreeCommandTests {
    /// `tree --json` on the fixture folder equals the snapshot kept in the repo. To accept a
    /// deliberate change, run with STUDYDASH_RECORD_SNAPSHOTS=1 and review the diff.
    @Test func treeJSONMatchesTheSnapshot() throws {
        let result = try CLI.run(["tree", "--json", "--content", "notes"])
        #expect(result.status == 0)
        let actual = try result.json()
        let snapshot = (CLI.snapshots as NSString).appendingPathComponent("tree-notes.json")
        if ProcessInfo.processInfo.environment["STUDYDASH_RECORD_SNAPSHOTS"] == "1" {
            try Self.recording(result).write(to: URL(fileURLWithPath: snapshot))
        }
        let committed = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        let expected = try JSONSerialization.jsonObject(with: committed)
        #expect(NSDictionary(dictionary: actual).isEqual(expected), "tree --json differs from \(snapshot)")
        // Recording an unchanged tree must leave the committed file as it is, not rewrite it.
        #expect(Self.recording(result) == committed, "recording would rewrite \(snapshot) in another layout")
    }

    /// What recording writes: the output as the CLI lays it out at a terminal, as committed.
    static func recording(_ result: CLIResult) -> Data { JSONIndent.pretty(result.stdout) }

    @Test func jsonSchemaHasEveryDocumentedField() throws {
        let json = try CLI.run(["tree", "--json", "--content", "notes"]).json()
        #expect(json["schema"] as? String == "studydash.tree/1")
        let root = try #require((json["roots"] as? [[String: Any]])?.first)
        for key in ["id", "title", "kind", "source", "resourceCount", "resources", "children"] {
            #expect(root[key] != nil, "topic lacks \(key)")
        }
        #expect(root["title"] as? String == "Fixture Notes")
        #expect(root["resourceCount"] as? Int == 5 + 1)
        let basics = try #require((root["children"] as? [[String: Any]])?.first)
        let versioning = try #require((basics["children"] as? [[String: Any]])?.first)
        let resource = try #require((versioning["resources"] as? [[String: Any]])?.first)
        for key in ["id", "title", "url", "description", "source", "checkbox"] {
            #expect(resource.keys.contains(key), "resource lacks \(key)")
        }
        #expect(resource["source"] as? String == "notes/01-basics/01-versioning.md:5")
        #expect(resource["checkbox"] is NSNull)
    }

    @Test func textTreeRollsUpCounts() throws {
        let tree = try CLI.run(["tree", "--content", "notes"])
        #expect(tree.status == 0)
        let lines = tree.out.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Fixture Notes"))
        #expect(lines[0].hasSuffix(" 6"))
        #expect(lines.contains { $0.hasPrefix("├── Basics") && $0.hasSuffix(" 6") })
        #expect(lines.last == "8 topics, 6 resources")
    }

    @Test func depthIdsAndResources() throws {
        let shallow = try CLI.run(["tree", "--content", "notes", "--depth", "1"]).out
        #expect(!shallow.contains("Versioning"))
        let detailed = try CLI.run(["tree", "--content", "notes", "--ids", "--resources"]).out
        #expect(detailed.contains("[x] r"))
        #expect(detailed.contains("Conventional Commits"))
        #expect(try CLI.run(["tree", "--depth", "-1", "--content", "notes"]).status != 0)
    }

    /// One of each is said in the singular: "1 topic", not "1 topics".
    @Test func summariesUseTheSingularForOne() throws {
        let folder = try TemporaryFolder()
        try folder.write("README.md", Data("# One\n\n- [One](https://one.example/)\n".utf8) + Data([0xFF, 0x0A]))
        let tree = try CLI.run(["tree", "--content", folder.path])
        #expect(tree.out.hasSuffix("\n1 topic, 1 resource, 1 warning (run `studydash check`)\n"), "\(tree.out)")
        let check = try CLI.run(["check", "--content", folder.path])
        #expect(check.out.hasSuffix("check: 1 topic, 1 resource, 1 warning, 0 duplicate URLs, 0 empty topics\n"), "\(check.out)")
    }

    @Test func missingFolderIsOneLineNamingIt() throws {
        let result = try CLI.run(["tree", "--content", "no-such-folder"])
        #expect(result.status == 1)
        #expect(result.err == "studydash: content folder not found: no-such-folder\n")
        #expect(result.out.isEmpty)
    }

    @Test func bundledContentIsFoundFromAnywhere() throws {
        let result = try CLI.run(["tree", "--depth", "0"], cwd: NSTemporaryDirectory())
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.out.isEmpty)
    }

    @Test func environmentVariableChoosesTheContent() throws {
        let result = try CLI.run(["tree"], cwd: NSTemporaryDirectory(),
                                 environment: ["STUDYDASH_CONTENT": (CLI.fixtures as NSString).appendingPathComponent("notes")])
        #expect(result.out.hasPrefix("Fixture Notes"))
    }

    @Test(arguments: [["--help"], ["tree", "--help"], ["check", "--help"], ["show", "--help"], ["--version"]])
    func helpAndVersion(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        #expect(!result.out.isEmpty)
    }
}
