import Foundation
import StudyTestSupport
import Testing

/// Hiding a section with front matter `ignore` never loses what was stored for its resources:
/// `status` counts it as having left the notes, and it is back when the name is taken out.
@Suite struct HiddenSectionProgressTests {
    @Test func progressOfAHiddenSectionIsKeptAndComesBack() throws {
        let body = "# Course\n\n## Lesson\n\n- [Lesson](https://course.example/1)\n\n## License\n\n- [CC BY](https://creativecommons.org/licenses/by/4.0/)\n"
        let notes = try TemporaryFolder(["README.md": body])
        let db = notes.url("progress.sqlite")
        let file = notes.url("README.md")
        #expect(try CLI.run(["mark", "CC BY", "done", "--content", file, "--db", db]).status == 0)

        try Data(("---\nignore: [License]\n---\n" + body).utf8).write(to: URL(fileURLWithPath: file))
        let hidden = try CLI.run(["status", "--content", file, "--db", db])
        #expect(hidden.out.contains("0/1"), "\(hidden.out)")
        #expect(hidden.out.contains("1 stored entry has left the notes"), "\(hidden.out)")

        try Data(body.utf8).write(to: URL(fileURLWithPath: file))
        let shown = try CLI.run(["status", "--content", file, "--db", db])
        #expect(shown.out.contains("1/2"), "\(shown.out)")
    }
}
