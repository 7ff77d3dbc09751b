import Foundation
import StudyApp
import StudyContent
import StudyCore
import StudyStore
import StudyTestSupport
import Testing

/// The shared actions run in-process on a real store in a scratch folder: what a learner's mark,
/// annotation, undo and relink do, and the outcome each front end puts into words.
@Suite struct ProgressActionsTests {
    let folder: TemporaryFolder
    let session: StudySession

    init() throws {
        folder = try TemporaryFolder([
            "notes/01-alpha.md": """
                # Alpha

                - [x] [One](https://one.example/) — ticked in the notes
                - [ ] [Two](https://two.example/)
                - [Three](https://three.example/)
                """,
            "notes/02-beta.md": "# Beta\n\n- [Four](https://four.example/)\n",
        ])
        session = try Self.open(folder)
    }

    static func open(_ folder: TemporaryFolder, notes: String = "notes") throws -> StudySession {
        StudySession(tree: try ContentLoader.load(folders: [folder.url(notes)]),
                     store: try ProgressStore(path: folder.url("progress.sqlite")))
    }

    func item(_ query: String) throws -> ItemLookup.Item {
        guard case .found(let item) = session.lookup.find(query) else { throw LookupFailed(query: query) }
        return item
    }

    struct LookupFailed: Error { let query: String }

    func status(_ query: String) throws -> Status {
        guard case .resource(let resource) = try item(query) else { throw LookupFailed(query: query) }
        return try session.progress().status(of: resource)
    }

    // MARK: mark

    @Test func markingATopicCountsATickedCheckboxAsAlreadyDone() throws {
        let outcome = try session.mark(.done, items: [try item("Alpha")])
        #expect(outcome.requested.count == 3)
        // One is `[x]` in the notes: it already shows done, so only Two and Three change.
        #expect(Set(outcome.changed) == [try item("Two").id, try item("Three").id])
        for title in ["One", "Two", "Three"] { #expect(try status(title) == .done) }
        #expect(outcome.fresh.statuses[try item("Two").id] == .done)
    }

    @Test func aTickedCheckboxIsDoneOnlyUntilAStatusIsSet() throws {
        #expect(try status("One") == .done)
        let outcome = try session.mark(.learning, items: [try item("One")])
        #expect(outcome.changed == [try item("One").id])
        #expect(try status("One") == .learning)
        // From now on the store wins over the checkbox: todo is a real change.
        #expect(try session.mark(.todo, items: [try item("One")]).changed.count == 1)
        #expect(try status("One") == .todo)
    }

    @Test func markingWhatIsAlreadyDoneChangesNothing() throws {
        _ = try session.mark(.done, items: [try item("Two")])
        let again = try session.mark(.done, items: [try item("Two"), try item("Alpha")])
        #expect(again.requested.count == 3, "a resource named twice is marked once")
        #expect(again.changed == [try item("Three").id])
        let events = try session.store.events()
        #expect(events.count == 2)
    }

    @Test func markByIDIgnoresIDsNotInTheNotes() throws {
        let outcome = try session.mark(.skipped, resourceIDs: ["rnotthere00", try item("Four").id])
        #expect(outcome.requested == [try item("Four").id])
        #expect(try status("Four") == .skipped)
    }

    // MARK: annotate

    @Test func annotateSavesThenDeletesThenReportsUnchanged() throws {
        let id = try item("Beta").id
        let saved = try session.annotate("Read the spec first.  \n\n", itemID: id)
        #expect(saved.changed && !saved.deleted)
        #expect(saved.title == "Beta")
        #expect(saved.fresh.annotation(of: id)?.text == "Read the spec first.")

        let same = try session.annotate("Read the spec first.", itemID: id)
        #expect(!same.changed && !same.deleted)

        let deleted = try session.annotate("  \n", itemID: id)
        #expect(deleted.changed && deleted.deleted)
        #expect(try session.progress().annotation(of: id) == nil)

        let nothing = try session.annotate(nil, itemID: id)
        #expect(!nothing.changed && nothing.deleted)
    }

    @Test func annotatingAnItemNotInTheNotesIsRefused() throws {
        do {
            _ = try session.annotate("lost?", itemID: "tgone000000")
        } catch {
            guard case .notInNotes(let id) = error else { Issue.record("\(error)"); return }
            #expect(id == "tgone000000")
        }
        #expect(try session.store.events().isEmpty)
    }

    @Test func aRefusedAnnotationIsTheStoresError() throws {
        let four = try item("Four").id
        do {
            _ = try session.annotate("a\u{0}b", itemID: four)
            Issue.record("a NUL was saved")
        } catch {
            guard case .store(.annotationHoldsNUL) = error else { Issue.record("\(error)"); return }
        }
    }

    // MARK: undo

    @Test func undoRevertsAWholeMark() throws {
        _ = try session.mark(.done, items: [try item("Alpha")])
        let undone = try #require(try session.undo())
        #expect(undone.events.count == 2)
        #expect(undone.events.allSatisfy { $0.kind == .status })
        #expect(undone.change != nil && undone.events.allSatisfy { $0.change == undone.change })
        #expect(undone.itemIDs == [try item("Two").id, try item("Three").id])
        #expect(try status("Two") == .todo)
        #expect(try status("One") == .done, "back to what the checkbox says")
        #expect(undone.fresh.statuses[try item("Two").id] == nil)
    }

    @Test func undoRestoresAnAnnotation() throws {
        let id = try item("Four").id
        _ = try session.annotate("first", itemID: id)
        _ = try session.annotate("second", itemID: id)
        let undone = try #require(try session.undo())
        #expect(undone.events.map(\.kind) == [.annotation])
        #expect(undone.fresh.annotation(of: id)?.text == "first")
        _ = try session.undo()
        #expect(try session.progress().annotation(of: id) == nil)
    }

    @Test func undoWithNothingToUndoIsNil() throws {
        #expect(try session.undo() == nil)
    }

    // MARK: relink

    /// Stores progress on Three, then drops it from the notes by changing its URL: an orphan.
    func orphanThree() throws -> (old: String, session: StudySession) {
        let old = try item("Three").id
        _ = try session.mark(.learning, items: [try item("Three")])
        _ = try session.annotate("mind the gap", itemID: old)
        try folder.write("notes/01-alpha.md", """
            # Alpha

            - [x] [One](https://one.example/) — ticked in the notes
            - [ ] [Two](https://two.example/)
            - [Three](https://three.example/moved)
            """)
        return (old, try Self.open(folder))
    }

    @Test func relinkMovesAnOrphanOntoItsNewIDAndUndoMovesItBack() throws {
        let (old, moved) = try orphanThree()
        guard case .found(let three) = moved.lookup.find("Three") else { Issue.record("Three"); return }
        guard case .found(let stored) = try moved.storedID(matching: String(old.prefix(6))) else {
            Issue.record("the orphan is not found by its prefix")
            return
        }
        #expect(stored == old)
        let outcome = try moved.relink(from: old, to: three.id)
        #expect(outcome.oldID == old && outcome.itemID == three.id && outcome.title == "Three")
        #expect(outcome.fresh.statuses[three.id] == .learning)
        #expect(outcome.fresh.annotation(of: three.id)?.text == "mind the gap")
        #expect(outcome.fresh.statuses[old] == nil)

        let undone = try #require(try moved.undo())
        #expect(undone.events.map(\.kind) == [.relink])
        #expect(try moved.progress().statuses[three.id] == nil)
        #expect(try moved.store.progress(of: [old]).statuses[old] == .learning)
    }

    @Test func storedIDsAreFoundByIDLinkOrPrefix() throws {
        let (old, moved) = try orphanThree()
        guard case .found(let byID) = try moved.storedID(matching: old) else { Issue.record("by ID"); return }
        #expect(byID == old)
        guard case .found(let byLink) = try moved.storedID(matching: "HTTPS://three.example/") else {
            Issue.record("by its old link")
            return
        }
        #expect(byLink == old)
        guard case .notFound = try moved.storedID(matching: "zz") else { Issue.record("too short a prefix"); return }
        guard case .notFound = try moved.storedID(matching: "rzzzzz") else { Issue.record("no such prefix"); return }
    }

    @Test func aPrefixOfSeveralStoredIDsListsThemSortedWithWhatTheStoreKnew() throws {
        let now = session.store.clock.now()
        let orphans = ["rabc0000002", "rabc0000001"].map {
            KnownItem(id: $0, kind: .resource, title: "Old \($0.suffix(1))", url: nil, topicPath: ["Gone"], seenAt: now)
        }
        try session.store.setStatus(.done, items: orphans)
        guard case .ambiguous(let matches) = try session.storedID(matching: "RABC") else {
            Issue.record("a shared prefix is not ambiguous")
            return
        }
        #expect(matches.map(\.id) == ["rabc0000001", "rabc0000002"])
        #expect(matches.map { $0.known?.title } == ["Old 1", "Old 2"])
        guard case .found("rabc0000002") = try session.storedID(matching: "rabc0000002") else {
            Issue.record("the full ID")
            return
        }
    }

    @Test func relinkOntoItselfOrOutsideTheNotesIsRefused() throws {
        let four = try item("Four").id
        _ = try session.mark(.done, items: [try item("Four")])
        do {
            _ = try session.relink(from: four, to: four)
            Issue.record("relinked onto itself")
        } catch {
            guard case .sameItem(let id) = error else { Issue.record("\(error)"); return }
            #expect(id == four)
        }
        do {
            _ = try session.relink(from: four, to: "tgone000000")
            Issue.record("relinked outside the notes")
        } catch {
            guard case .notInNotes = error else { Issue.record("\(error)"); return }
        }
        let one = try item("One").id
        _ = try session.mark(.learning, items: [try item("One")])
        do {
            _ = try session.relink(from: four, to: one)
            Issue.record("relinked onto an item with entries of its own")
        } catch {
            guard case .store(.targetHasEntries(let id)) = error else { Issue.record("\(error)"); return }
            #expect(id == one)
        }
        let (two, three) = (try item("Two").id, try item("Three").id)
        do {
            _ = try session.relink(from: two, to: three)
            Issue.record("relinked what the store does not hold")
        } catch {
            guard case .store(.nothingStored) = error else { Issue.record("\(error)"); return }
        }
    }
}
