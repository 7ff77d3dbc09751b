import StudyStore
import Testing

/// A store error says what happened, in words any front end can show (the dashboard's status bar
/// shows them as they are): no command, no option, no advice of the command line's.
@Suite struct StoreErrorTests {
    static let every: [StoreError] = [
        .notSQLite(path: "/p/a.sqlite"), .foreign(path: "/p/a.sqlite"), .newerSchema(path: "/p/a.sqlite"),
        .isFolder(path: "/p"), .cannotCreateFolder(path: "/p", reason: "R"), .cannotCreateFile(path: "/p/a", reason: "R"),
        .cannotOpen(path: "/p/a", reason: "R"), .database(path: "/p/a", reason: "R"), .targetHasEntries(id: "r1"),
        .nothingStored(id: "r1"), .badImport(path: "/p/i.json", reason: "R"),
        .annotationTooLarge(item: "r1", bytes: 2_000_000, limit: 1_048_576), .annotationHoldsNUL(item: "r1"),
        .unreadable(path: "/p/a", reason: "R"), .readOnly(path: "/p/a"), .unknownEventKind(path: "/p/a", row: 7, kind: "rating"),
    ]

    @Test(arguments: every)
    func saysWhatHappenedWithoutTheCommandLinesWords(error: StoreError) {
        let message = error.description
        for word in ["--db", "studydash ", "`", "Pass ", "Upgrade", "Restore", "make it writable"] {
            #expect(!message.contains(word), "\(message)")
        }
        #expect(!message.contains("\n") && !message.hasSuffix("."), "\(message)")
    }
}
