import Foundation
import Testing
import StudyTestSupport

/// Numbers in the text tables stay in columns: a count of two digits beside one of one digit
/// moves neither the bars nor the percentages nor the counts' right edge.
@Suite struct ColumnsTests {
    let notes: TemporaryFolder

    init() throws {
        let links = (1...12).map { "- [Link \($0)](https://wide.example/\($0))" }.joined(separator: "\n")
        notes = try TemporaryFolder([
            "01-wide.md": "# Wide\n\n\(links)\n",
            "02-narrow.md": "# Narrow\n\n- [One](https://narrow.example/1)\n- [Two](https://narrow.example/2)\n",
        ])
    }

    /// The column where each line's last field (a count or a `%`) ends.
    func rightEdges(_ lines: [String]) -> Set<Int> {
        Set(lines.map { $0.count })
    }

    @Test func statusRowsKeepBarsCountsAndPercentsInColumns() throws {
        let scratch = try TemporaryFolder()
        let result = try CLI.run(["status", "--content", notes.path, "--db", scratch.url("db")])
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\n").map(String.init).filter { $0.hasSuffix("%") }
        #expect(rows.count == 3)
        #expect(rows.contains("  Wide                                  ░░░░░░░░░░░░░░░░░░░░   0/12    0%"))
        #expect(rows.contains("  Narrow                                ░░░░░░░░░░░░░░░░░░░░    0/2    0%"))
        #expect(rightEdges(rows).count == 1, "\(rows)")
    }

    /// Zoomed into a topic, the count column is as wide as that table needs, not the whole tree
    /// (here 0/13 beside a tree of 113).
    @Test func statusOfATopicSizesItsOwnCountColumn() throws {
        let many = (1...100).map { "- [Big \($0)](https://big.example/\($0))" }.joined(separator: "\n")
        let twelve = (1...12).map { "- [Part \($0)](https://part.example/\($0))" }.joined(separator: "\n")
        let tree = try TemporaryFolder([
            "01-big.md": "# Big\n\n\(many)\n",
            "02-small/01-one.md": "# One\n\n- [Only](https://one.example/1)\n",
            "02-small/02-twelve.md": "# Twelve\n\n\(twelve)\n",
        ])
        let scratch = try TemporaryFolder()
        let result = try CLI.run(["status", "small", "--content", tree.path, "--db", scratch.url("db")])
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\n").map(String.init).filter { $0.hasSuffix("%") }
        #expect(rows.contains("  One                                   ░░░░░░░░░░░░░░░░░░░░    0/1    0%"), "\(rows)")
        #expect(rows.contains("  Overall                               ░░░░░░░░░░░░░░░░░░░░   0/13    0%"), "\(rows)")
    }

    @Test func treeCountsAreRightAligned() throws {
        let result = try CLI.run(["tree", "--content", notes.path])
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\n").map(String.init).dropLast()
        #expect(rightEdges(Array(rows)).count == 1, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("├── Wide") && $0.hasSuffix(" 12") })
        #expect(rows.contains { $0.hasPrefix("└── Narrow") && $0.hasSuffix("  2") })
    }
}
