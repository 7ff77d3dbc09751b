import Foundation
import StudyCore
import StudyStore
import Testing

/// What the store refuses to take in, whoever asks: an annotation above the size limit, an import with a
/// date no calendar has. A refusal changes nothing.
@Suite struct StoreLimitsTests {
    func exported(_ store: ProgressStore) throws -> String {
        var writer = JSONWriter(pretty: true)
        try store.document().write(into: &writer)
        return String(decoding: writer.flush(), as: UTF8.self)
    }

    @Test func aNoteOfTheLimitIsKeptAndOneByteMoreIsRefusedNamingTheItem() throws {
        let store = try memoryStore()
        let paper = item("rPaper", title: "A long paper")
        let largest = String(repeating: "é", count: ProgressStore.maximumAnnotationBytes / 2)
        #expect(try store.setAnnotation(largest, item: paper))
        let error = try #require(throws: StoreError.self) {
            try store.setAnnotation(largest + "x", item: paper)
        }
        #expect(error.description.contains("A long paper"))
        #expect(error.description.contains("1048577 bytes"))
        #expect(error.description.contains("1 MB"))
        #expect(try store.progress().annotation(of: "rPaper")?.text == largest)
    }

    /// Undo writes notes back from the log; a log entry above the limit must not get through it.
    @Test func anImportedNoteOrLogEntryAboveTheLimitIsRefusedAndNothingChanges() throws {
        let source = try memoryStore()
        try source.setAnnotation("small", item: item("rPaper"))
        try source.setStatus(.done, items: [item("rVideo")])
        let document = try exported(source)
        let big = String(repeating: "x", count: ProgressStore.maximumAnnotationBytes + 10)

        let target = try memoryStore()
        for edited in [document.replacingOccurrences(of: "\"text\": \"small\"", with: "\"text\": \"\(big)\""),
                       document.replacingOccurrences(of: "\"new\": \"small\"", with: "\"new\": \"\(big)\"")] {
            #expect(edited != document)
            let parsed = try ProgressDocument.parse(Data(edited.utf8))
            let error = try #require(throws: StoreError.self) { try target.merge(parsed) }
            #expect(error.description.contains("rPaper"), "\(error)")
            #expect(error.description.contains("\(ProgressStore.maximumAnnotationBytes + 10) bytes"), "\(error)")
            #expect(try target.eventCount() == 0)
            #expect(try target.states().isEmpty)
        }
    }

    /// SQLite keeps a text only up to a NUL: an annotation holding one is refused rather than saved cut,
    /// whether typed or imported.
    @Test func aNoteWithANULIsRefusedNotCut() throws {
        let store = try memoryStore()
        let paper = item("rPaper", title: "A long paper")
        let error = try #require(throws: StoreError.self) { try store.setAnnotation("abc\u{0}def", item: paper) }
        #expect(error.description.contains("A long paper") && error.description.contains("NUL"), "\(error)")
        #expect(try store.progress().annotation(of: "rPaper") == nil)

        let source = try memoryStore()
        try source.setAnnotation("small", item: item("rPaper"))
        let document = try exported(source).replacingOccurrences(of: "\"text\": \"small\"", with: "\"text\": \"abc\\u0000def\"")
        let parsed = try ProgressDocument.parse(Data(document.utf8))
        let refused = try #require(throws: StoreError.self) { try store.merge(parsed) }
        #expect(refused.description.contains("NUL"), "\(refused)")
        #expect(try store.eventCount() == 0)
    }

    @Test(arguments: ["updatedAt", "createdAt", "at", "seenAt", "exportedAt"])
    func anImportWithAnImpossibleDateIsRefusedNamingTheItemAndField(field: String) throws {
        let source = try memoryStore()
        try source.setAnnotation("small", item: item("rPaper"))
        let document = try exported(source)
        // Replace the first value of this field only.
        let pattern = try Regex("\"\(field)\": \"[^\"]*\"")
        let match = try #require(document.firstMatch(of: pattern))
        let edited = document.replacingCharacters(in: match.range, with: "\"\(field)\": \"2026-02-30T10:00:00.000Z\"")
        let error = try #require(throws: ProgressDocument.ParseError.self) { try ProgressDocument.parse(Data(edited.utf8)) }
        #expect(error.description.contains(field))
        #expect(error.description.contains("2026-02-30"))
        if field != "exportedAt" { #expect(error.description.contains("rPaper"), "\(error)") }
    }
}
