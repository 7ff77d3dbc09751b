import Testing
import StudyContent
import StudyCore

/// Front matter `ignore:` hides a README's boilerplate sections (issue 15 §2).
@Suite struct HiddenSectionsTests {
    @Test func aFlowListHidesTheNamedSectionsWithEverythingUnderThem() throws {
        let loaded = try Loaded(["README.md": """
            ---
            ignore: [Citation, "license"]
            ---
            # Course

            ## Lesson 1

            - [Lesson](https://course.example/1)

            ## Citation

            ### BibTeX

            - [Paper](https://paper.example/cite)

            ## License

            [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)
            """])
        #expect(loaded.root.title == "Course")
        #expect(loaded.root.children.map(\.title) == ["Lesson 1"])
        #expect(loaded.tree.resources.values.map(\.title) == ["Lesson"])
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    @Test func aBlockListWorksAndANameThatMatchesNothingIsAWarning() throws {
        let loaded = try Loaded(["notes.md": """
            ---
            title: Notes
            ignore:
              - Contributing
              - Gratitude
            order: 1
            ---
            # Notes

            ## Chapter

            ## Contributing

            Open a pull request.
            """])
        #expect(loaded.topic("Notes")?.children.map(\.title) == ["Chapter"])
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings.first?.hasSuffix("notes.md:3: front matter 'ignore': no section titled Gratitude") == true,
                "\(loaded.warnings)")
    }

    @Test func aHiddenSectionDoesNotStopTheOpeningHeadingFromTitlingTheFile() throws {
        let loaded = try Loaded(["book.md": "---\nignore: License\n---\n## The Book\n\n### Part\n\n## License\n\nMIT\n"])
        #expect(loaded.root.children.map(\.title) == ["The Book"])
        #expect(loaded.topic("The Book")?.children.map(\.title) == ["Part"])
    }
}
