import Testing
import StudyContent
import StudyTestSupport
import StudyCore

/// The loader numbers topics and resources as it builds the tree, and the item index takes
/// those numbers instead of hashing every ID again: they must be exactly the numbers the index
/// gives a tree it numbers itself (curriculum order, each resource's home and first listing),
/// or breadcrumbs, bars and the resume place would point at the wrong items.
@Suite struct LoaderNumberingTests {
    @Test func theLoadersNumbersAreTheIndexsOwn() throws {
        let folder = try TemporaryFolder([
            "README.md": "# Notes\n- [Shared](https://a.org/shared)\n",
            "01-first/README.md": "# First\n- [Own](https://a.org/own)\n## Part\n- [Shared](https://a.org/shared)\n- [ ] a task\n",
            "01-first/b.md": "# B\n- [Later](https://a.org/later)\n- [Own](https://a.org/own)\n- [Later](https://a.org/later)\n## Part\n## Part\n- [ ] a task\n",
            "02-second.md": "# Second\n- [New](https://a.org/new)\n- [Shared](https://a.org/shared)\n",
        ])
        let loaded = try ContentLoader.load(folders: [folder.path])
        #expect(loaded.numbering != nil)
        var renumbered = loaded
        renumbered.roots = loaded.roots   // any change to the topics drops the loader's numbers
        #expect(renumbered.numbering == nil)

        let fast = ItemIndex(tree: loaded)
        let own = ItemIndex(tree: renumbered)
        #expect(fast.resourceIDs == own.resourceIDs)
        #expect(fast.listedResources == own.listedResources)
        #expect(fast.itemIDs == own.itemIDs)
        for id in own.itemIDs {
            #expect(fast.topicNumber(id: id) == own.topicNumber(id: id))
            #expect(fast.resourceNumber(id: id) == own.resourceNumber(id: id))
            #expect(fast.homeNumber(ofResource: id) == own.homeNumber(ofResource: id))
        }
        for number in 0..<own.resourceIDs.count {
            #expect(fast.resource(number: number) == own.resource(number: number))
        }
        for topic in 0..<own.topicCount {
            #expect(fast.resourceNumbers(under: topic) == own.resourceNumbers(under: topic))
        }
        #expect(own.resourceIDs.count == 6)
    }
}
