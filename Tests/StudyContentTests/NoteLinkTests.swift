import StudyContent
import StudyCore
import StudyTestSupport
import Testing

/// A note's numbered links resolved against the notes folders: relative links and wikilinks
/// lead to topics (a `#section` to its heading), web links stay web links, and nothing leads
/// outside the folders, whatever the note says.
@Suite struct NoteLinkTests {
    static let files: [String: String] = [
        "notes/README.md": "# Notes\n\nStart with [the basics](./basics.md).\n",
        "notes/basics.md": """
            # Basics

            See [install](../notes/guide/README.md#install-it), [the guide](guide/), [missing](./missing.md), \
            [up and out](../../etc/passwd), [absolute](/etc/passwd), [web](https://example.com/x), \
            [here](#more-basics), [secret](secret/keys.md), [picture](./pic.png), [spaced](guide/deep%20dive.md).

            ## More basics

            Then [[Deep Dive#Second Part]], [[deep dive|the deep one]], [[Nowhere]], [[#More basics]] and `[[code]]`.
            """,
        "notes/guide/README.md": "# Guide\n\nBack to [basics](../basics.md#More%20basics) or [nothing](../basics.md#no-such).\n\n## Install it!\n\nSteps.\n",
        "notes/guide/deep dive.md": "# Deep Dive\n\nIntro.\n\n## Second Part\n\nMore.\n",
        "notes/archive/old/Deep Dive.md": "# Old Deep Dive\n\nOlder; see [[README]] and [[guide/README#Install it!]].\n",
        "notes/pic.png": "not a note",
    ]

    struct Resolved {
        let tree: ContentTree
        let resolver: NoteLinkResolver
        let folder: TemporaryFolder
        let outside: TemporaryFolder

        init(function: String = #function) throws {
            folder = try TemporaryFolder(NoteLinkTests.files, function: function)
            outside = try TemporaryFolder(["secret/keys.md": "# Keys\n"], function: function)
            try folder.symlink("notes/secret", to: outside.url("secret"))
            tree = try ContentLoader.load(folders: [folder.url("notes")])
            resolver = NoteLinkResolver(tree: tree)
        }

        func topic(_ title: String) throws -> Topic {
            var found: Topic?
            tree.forEachTopic { topic, _ in if topic.title == title && found == nil { found = topic } }
            return try #require(found, "no topic \(title)")
        }

        /// Each link of `title`'s note as what a user would be told: the title it leads to, the
        /// web address, or the reason it is refused.
        func links(of title: String) throws -> [String] {
            let topic = try topic(title)
            return NoteRenderer.render(topic.note, width: 200).links.map { written in
                switch resolver.resolve(written, from: topic).target {
                case .web(let url): "web " + url
                case .topic(let id): "topic " + (titles[id] ?? "?")
                case .unresolved(let reason): "refused " + reason
                }
            }
        }

        var titles: [String: String] {
            var titles: [String: String] = [:]
            tree.forEachTopic { topic, path in
                titles[topic.id] = topic.kind == .heading ? (path.last?.title ?? "") + " › " + topic.title : topic.title
            }
            return titles
        }
    }

    @Test func relativeParentAndAnchorLinksLeadToTopicsAndEscapesAreRefused() throws {
        let resolved = try Resolved()
        let links = try resolved.links(of: "Basics")
        #expect(links == [
            "topic Guide › Install it!",
            "topic Guide",
            "refused not following './missing.md': there is no such file in the notes",
            "refused not following '../../etc/passwd': it leads outside the notes folders",
            "refused not following '/etc/passwd': a link to a note must be relative, not an absolute path",
            "web https://example.com/x",
            "topic Basics › More basics",
            "refused not following 'secret/keys.md': a symlink leads outside the notes folders",
            "refused not following './pic.png': it is not a note StudyDash has read",
            "topic Deep Dive",
        ])
    }

    @Test func aLinkFromAFolderNoteClimbsToItsParentAndAMissingAnchorFallsBackToTheFile() throws {
        let links = try Resolved().links(of: "Guide")
        #expect(links == ["topic Basics › More basics", "topic Basics"])
        #expect(try Resolved().links(of: "Notes") == ["topic Basics"])
    }

    @Test func wikilinksResolveByFileNameShortestPathFirst() throws {
        let links = try Resolved().links(of: "More basics")
        #expect(links == [
            "topic Deep Dive › Second Part",
            "topic Deep Dive",
            "refused not following '[[Nowhere]]': no note named 'Nowhere' in the notes folders",
            "topic Basics › More basics",
        ])
    }

    /// A folder's note is its README: `[[README]]` is the top one (the shortest path), and
    /// `[[guide/README]]` names the folder's, as in Obsidian.
    @Test func wikilinksNameAFoldersReadme() throws {
        #expect(try Resolved().links(of: "Old Deep Dive") == ["topic Notes", "topic Guide › Install it!"])
    }

    @Test func wikilinksShowTheirTextNumberedAndCodeStaysLiteral() throws {
        let note = NoteRenderer.render(try Resolved().topic("More basics").note, width: 200)
        #expect(note.plainText == "Then Deep Dive > Second Part[1], the deep one[2], Nowhere[3], More basics[4] and [[code]].")
        #expect(note.links == ["[[Deep Dive#Second Part]]", "[[deep dive]]", "[[Nowhere]]", "[[#More basics]]"])
    }

    @Test func aLinkNumberIsCountedOnceForMarkdownLinksAndWikilinksTogether() {
        let note = NoteRenderer.render("[a](https://a.org) [[B]] [c](https://c.org) [[ ]] [[E", width: 80)
        #expect(note.links == ["https://a.org", "[[B]]", "https://c.org"])
        #expect(note.plainText == "a[1] B[2] c[3] [[ ]] [[E")
    }
}
