import Testing
import StudyContent
import StudyCore

/// Effort estimates written in a resource's line or as a file's front matter default.
@Suite struct EffortTests {
    /// The text after a link → the minutes read from it (nil: not an estimate).
    static let forms: [(String, Int?)] = [
        ("(45 min)", 45),
        ("(2 h)", 120),
        ("(~3h)", 180),
        ("[30m]", 30),
        ("(1.5 hours)", 90),
        ("(1 h 30 min)", 90),
        ("(1h30m)", 90),
        ("(90 minutes)", 90),
        ("(1 hour)", 60),
        ("(2 hrs)", 120),
        ("(20 mins)", 20),
        ("(12 min read)", 12),
        ("(about 2 h)", 120),
        ("(≈ 40 min)", 40),
        ("(2–3 h)", 180),
        ("(effort: 2 h)", 120),
        // Upper case, a decimal comma and an ASCII dash read as their lower-case and Unicode forms.
        ("(1 H 30 MIN)", 90),
        ("(ABOUT 2 H)", 120),
        ("(1,5 h)", 90),
        ("(2-3 h)", 180),
        ("— Video. Why it matters (25 min)", 25),
        ("— Video. Why it matters (25 min).", 25),
        ("— Vidéo. Pourquoi ça compte (25 min)...", 25),
        ("— Video. Why it matters. (25 min) é.", nil),
        ("(40 min) — Video. The basics", 40),
        // Not an estimate: years, counts, versions, prose.
        ("(2019)", nil),
        ("(5 items)", nil),
        ("(v2)", nil),
        ("(3 parts)", nil),
        ("(2 hands-on labs)", nil),
        ("(0 min)", nil),
        ("(5 h of video, 2019)", nil),
        ("— It takes (2 h) if you skip the exercises, says the author", nil),
        ("— took me 2 h", nil),
        ("(h)", nil),
        ("(2 m 3 h)", nil),
        ("(99999 h)", nil),
    ]

    @Test func formsAndNonForms() throws {
        let lines = Self.forms.enumerated().map { "- [R\($0.offset)](https://e.org/\($0.offset)) \($0.element.0)" }
        let loaded = try Loaded(["t.md": "# T\n" + lines.joined(separator: "\n") + "\n"])
        for (index, form) in Self.forms.enumerated() {
            let resource = try #require(loaded.resource(titled: "R\(index)"))
            #expect(resource.effortMinutes == form.1, "\(form.0)")
        }
    }

    @Test func everyResourceShapeCarriesItsEstimate() throws {
        let loaded = try Loaded(["t.md": """
            # T
            - [ ] Write the design document (1 h)
            - [ ] Read chapter 3

            Watch: https://e.org/talk (20 min)

            | Resource | Kind |
            |---|---|
            | [Course](https://e.org/course) (6 h) | Course |
            """])
        #expect(loaded.resource(titled: "Write the design document (1 h)")?.effortMinutes == 60)
        #expect(loaded.resource(titled: "Read chapter 3")?.effortMinutes == nil)
        #expect(loaded.resource(titled: "Watch")?.effortMinutes == 20)
        #expect(loaded.resource(titled: "Course")?.effortMinutes == 360)
    }

    /// The estimate stays in the text as written: titles (and so task IDs) and descriptions do not change.
    @Test func theEstimateStaysInTheWritersText() throws {
        let loaded = try Loaded(["t.md": "# T\n- [A](https://e.org/a) — Video (25 min)\n"])
        let resource = try #require(loaded.resource(titled: "A"))
        #expect(resource.description == "Video (25 min)")
        #expect(resource.effortMinutes == 25)
    }

    @Test func frontMatterGivesADefaultToResourcesWithoutOne() throws {
        let loaded = try Loaded(["t.md": """
            ---
            effort: 30 min
            ---
            # T
            - [A](https://e.org/a)
            - [B](https://e.org/b) (2 h)
            - [ ] A task
            """, "u.md": "# U\n- [C](https://e.org/c)\n"])
        #expect(loaded.resource(titled: "A")?.effortMinutes == 30)
        #expect(loaded.resource(titled: "B")?.effortMinutes == 120)
        #expect(loaded.resource(titled: "A task")?.effortMinutes == 30)
        #expect(loaded.resource(titled: "C")?.effortMinutes == nil)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func aFrontMatterEffortThatIsNotOneIsReported() throws {
        let loaded = try Loaded(["t.md": "---\neffort: a while\n---\n# T\n- [A](https://e.org/a)\n"])
        #expect(loaded.resource(titled: "A")?.effortMinutes == nil)
        #expect(loaded.warnings.contains { $0.contains("front matter 'effort' is not a duration: a while") })
    }

    @Test func theBundledCapstoneStepsAllHaveEstimates() throws {
        let tree = try ContentLoader.load(folders: [BundledContentTests.folder])
        let capstone = tree.resources.values.filter { $0.source.file.contains("15-capstone-project/") }
        #expect(capstone.count > 10)
        #expect(capstone.allSatisfy { $0.effortMinutes != nil }, "\(capstone.filter { $0.effortMinutes == nil }.map(\.title))")
    }
}
