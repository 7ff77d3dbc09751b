import Testing
import StudyContent
@testable import StudyCore

/// Each form of resource that real notes use.
@Suite struct ResourceFormTests {
    @Test func listItemWithLinkIsAResource() throws {
        let loaded = try Loaded(["t.md": "# T\n\nIntro.\n\n- [The Essence of Calculus](https://www.youtube.com/playlist?list=X) — Playlist. Why.\n"])
        let resource = try #require(loaded.resources(of: loaded.topic("T")).first)
        #expect(resource.title == "The Essence of Calculus")
        #expect(resource.url == "https://www.youtube.com/playlist?list=X")
        #expect(resource.description == "Playlist. Why.")
        #expect(resource.checkbox == nil)
        #expect(resource.source.line == 5)
        #expect(resource.source.file.hasSuffix("/t.md"))
    }

    @Test func taskItemsInEveryForm() throws {
        let loaded = try Loaded(["t.md": """
            # T
            - [ ] [Open](https://a.org/open)
            - [x] [Done](https://a.org/done)
            - [X] [Done upper](https://a.org/upper)
            * [] [Empty brackets](https://a.org/empty)

            [x] [No list marker](https://a.org/nomarker)

            - [ ] Read chapter 3
            """])
        let byTitle = Dictionary(uniqueKeysWithValues: loaded.resources(of: loaded.topic("T")).map { ($0.title, $0) })
        #expect(byTitle["Open"]?.checkbox == false)
        #expect(byTitle["Done"]?.checkbox == true)
        #expect(byTitle["Done upper"]?.checkbox == true)
        #expect(byTitle["Empty brackets"]?.checkbox == false)
        #expect(byTitle["No list marker"]?.checkbox == true)
        let task = try #require(byTitle["Read chapter 3"])
        #expect(task.url == nil)
        #expect(task.checkbox == false)
    }

    @Test func bareURLsAndAutolinksAreTitledWithoutScheme() throws {
        let loaded = try Loaded(["t.md": "# T\n- https://gdpr.eu/\n- <https://oag.ca.gov/privacy/ccpa>\n1. https://arxiv.org/pdf/2205.02302.pdf\n"])
        let titles = loaded.resources(of: loaded.topic("T")).map(\.title)
        #expect(titles == ["gdpr.eu", "oag.ca.gov/privacy/ccpa", "arxiv.org/pdf/2205.02302.pdf"])
    }

    @Test func referenceStyleLinks() throws {
        let loaded = try Loaded(["t.md": "# T\n- [Pro Git][git] — the book\n\n[git]: https://git-scm.com/book/en/v2\n"])
        let resource = try #require(loaded.resources(of: loaded.topic("T")).first)
        #expect(resource.title == "Pro Git")
        #expect(resource.url == "https://git-scm.com/book/en/v2")
    }

    @Test func struckItems() throws {
        let loaded = try Loaded(["t.md": "# T\n- ~~[Old course](https://a.org/old)~~ retired\n"])
        #expect(loaded.resources(of: loaded.topic("T")).first?.title == "Old course")
    }

    @Test func parenthesesInURL() throws {
        let url = "https://github.com/ertis-research/kafka-ml#:~:text=Kafka%2DML%20is%20a%20framework,(ML)%20models%20on%20Kubernetes."
        let loaded = try Loaded(["t.md": "# T\n- [Kafka ML](\(url))\n- https://en.wikipedia.org/wiki/Rust_(programming_language)\n"])
        let resources = loaded.resources(of: loaded.topic("T"))
        #expect(resources.map(\.url) == [url, "https://en.wikipedia.org/wiki/Rust_(programming_language)"])
    }

    @Test func standaloneLinkLines() throws {
        let loaded = try Loaded(["t.md": """
            # T
            Semantic Versioning: https://semver.org/ ( created by Tom Preston-Werner.)

            [Reference] https://developers.google.com/machine-learning/crash-course

            pytorch in 100 seconds
            https://youtu.be/ORMx45xqWkA?si=c9

            https://cloud.google.com/architecture/mlops

            This sentence mentions https://example.com/inline in passing and goes on.
            """])
        let topic = try #require(loaded.topic("T"))
        let resources = loaded.resources(of: topic)
        #expect(resources.map(\.title) == ["Semantic Versioning", "developers.google.com/machine-learning/crash-course",
                                           "pytorch in 100 seconds", "cloud.google.com/architecture/mlops"])
        #expect(resources[0].description == "created by Tom Preston-Werner.")
        #expect(resources[1].description == "Reference")
        #expect(resources[2].source.line == 7)
        #expect(topic.note == "This sentence mentions https://example.com/inline in passing and goes on.")
    }

    /// A link written as its URL without the scheme (`[youtu.be/x](https://youtu.be/x)`) names
    /// nothing, like a bare URL: the line above it names it, and that line is not prose.
    @Test func aLinkShowingItsURLWithoutTheSchemeTakesTheLabelAbove() throws {
        let loaded = try Loaded(["t.md": """
            # T
            pytorch in 100 seconds
            [youtu.be/ORMx45xqWkA](https://youtu.be/ORMx45xqWkA)

            file notes
            [docs/guide.md](file:docs/guide.md/)
            """])
        let topic = try #require(loaded.topic("T"))
        #expect(loaded.resources(of: topic).map(\.title) == ["pytorch in 100 seconds", "file notes"])
        #expect(topic.note == "")
    }

    @Test func tableRowsWithLinks() throws {
        let loaded = try Loaded(["t.md": """
            # T
            | Tool | What |
            |------|------|
            | [DVC](https://dvc.org/) | data versioning |
            | [lakeFS](https://lakefs.io/) | git for lakes |
            """])
        let topic = try #require(loaded.topic("T"))
        let resources = loaded.resources(of: topic)
        #expect(resources.map(\.title) == ["DVC", "lakeFS"])
        #expect(resources[0].description == "data versioning")
        #expect(resources[1].source.line == 5)
        #expect(topic.note.isEmpty)
    }

    @Test func relativeLinksAreNavigationNotResources() throws {
        let loaded = try Loaded(["t.md": "# T\n- [Next note](../other.md)\n- [Mail](mailto:me@a.org)\n"])
        let topic = try #require(loaded.topic("T"))
        #expect(topic.resourceIDs.isEmpty)
        #expect(topic.note.contains("[Next note](../other.md)"))
    }

    @Test func codeIsNeverTopicsOrResources() throws {
        let loaded = try Loaded(["t.md": """
            # T
            ```markdown
            # Not a heading
            - [Not a resource](https://a.org/fenced)
            ```

                # indented code
                - [Nor this](https://a.org/indented)

            - [Real](https://a.org/real)
            """])
        let topic = try #require(loaded.topic("T"))
        #expect(topic.children.isEmpty)
        #expect(loaded.resources(of: topic).map(\.title) == ["Real"])
    }

    /// A quoted link is the quote's; a link written as HTML is a resource (see ResourceNamingTests).
    @Test func linksInQuotesStayInTheNote() throws {
        let loaded = try Loaded(["t.md": "# T\n> - [Quoted](https://a.org/q)\n\n<div><a href=\"https://a.org/h\">h</a></div>\n"])
        #expect(loaded.resources(of: loaded.topic("T")).map(\.url) == ["https://a.org/h"])
    }

    @Test func nestedListItemsAreResourcesToo() throws {
        let loaded = try Loaded(["t.md": """
            # T
            - MLOps engages:
              - Release -> versioning
                - there is DVC, git for data sets, https://towardsdatascience.com/intro-dvc
            """])
        let topic = try #require(loaded.topic("T"))
        let resource = try #require(loaded.resources(of: topic).first)
        #expect(resource.url == "https://towardsdatascience.com/intro-dvc")
        #expect(resource.description == "there is DVC, git for data sets")
        #expect(topic.note.contains("MLOps engages:"))
    }
}
