import Testing
import StudyContent
import StudyCore

/// Dotted section numbers in file and folder names are orders, hidden from titles (issue 15 §2).
@Suite struct SectionNumberOrderTests {
    @Test func dottedNumbersSortPartByPartAndAreHiddenFromTitles() throws {
        let loaded = try Loaded([
            "2-two.md": "Prose.\n",
            "1.10-tenth.md": "Prose.\n",
            "1.9-ninth.md": "Prose.\n",
            "1.2-more.md": "Prose.\n",
            "1.1.1-working-in-research.md": "# Working in Research\n\nProse.\n",
            "1.1-basics.md": "Prose.\n",
            "1-one.md": "Prose.\n",
            "notes.md": "Prose.\n",
        ])
        #expect(loaded.root.children.map(\.title) ==
            ["one", "basics", "Working in Research", "more", "ninth", "tenth", "two", "notes"])
    }

    @Test func foldersAndNumberOnlyNamesAndFrontMatterOrderTakePart() throws {
        let loaded = try Loaded([
            "2.3-foo/README.md": "Prose.\n",
            "2.10-bar/x.md": "Prose.\n",
            "1.2.md": "Prose.\n",
            "10.md": "Prose.\n",
            "9.md": "Prose.\n",
            "ordered.md": "---\norder: 2.5\n---\nProse.\n",
            "3d-printing.md": "Prose.\n",
        ])
        // 2.5 in front matter is a number: after every 2.x section, before 3.
        #expect(loaded.root.children.map(\.title) == ["1.2", "foo", "bar", "ordered", "9", "10", "3d printing"])
    }
}
