import Foundation
import Testing
import StudyTestSupport

/// A store holding every NULL its schema allows (cleared statuses, deleted notes, events without
/// old or new value, an undo of nothing, a forgotten URL), written with raw SQL by another
/// program, and the same store arriving by import: every reading command must still answer, never
/// trap. A value of the wrong type is a one-line error naming the table and column.
@Suite struct StoreNullsCommandTests {
    let scratch: TemporaryFolder
    let db: String

    init() throws {
        scratch = try TemporaryFolder()
        db = scratch.url("progress.sqlite")
    }

    func run(_ arguments: [String], db: String? = nil, stdin: Data? = nil) throws -> CLIResult {
        try CLI.run(arguments + ["--content", "notes", "--db", db ?? self.db], stdin: stdin)
    }

    /// Every command that only reads, with the item the NULLs are about where one is named.
    static let readingCommands: [[String]] = [
        ["status"], ["status", "--json"], ["status", "--orphans"], ["status", "--orphans", "--json"],
        ["status", "Basics"], ["next"], ["next", "--json"], ["stats"], ["stats", "--json"],
        ["show", "https://semver.org"], ["show", "https://semver.org", "--json"], ["show", "Basics"],
        ["export"], ["export", "--format", "csv"], ["export", "--format", "markdown"],
        ["note", "https://semver.org"], ["note", "https://semver.org", "--json"],
    ]

    /// The store after a mark and a note, then every nullable column set to NULL somewhere.
    func makeNullStore() throws {
        #expect(try run(["mark", "https://semver.org", "done"]).status == 0)
        #expect(try run(["note", "https://semver.org", "first thoughts"]).status == 0)
        let id = try sqlite(db, "SELECT item_id FROM item_state LIMIT 1")
        try sqlite(db, """
            UPDATE item_state SET status = NULL;
            UPDATE annotation SET text = NULL;
            INSERT INTO item_state VALUES ('rgone0000000', NULL, 1700000000000);
            INSERT INTO annotation VALUES ('rgone0000000', NULL, 1700000000000, 1700000000001);
            INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at, undoes) VALUES
                ('n1', 'c1', '\(id)', 'status', NULL, NULL, 1700000000000, NULL),
                ('n2', 'c2', '\(id)', 'note', NULL, NULL, 1700000001000, NULL),
                ('n3', 'c3', '\(id)', 'relink', NULL, NULL, 1700000002000, NULL),
                ('n4', 'c4', '\(id)', 'status', NULL, NULL, 1700000003000, 'c1');
            INSERT INTO known_item VALUES ('rgone0000000', 'resource', '', NULL, '[]', 1700000000000);
            UPDATE known_item SET url = NULL;
            """)
    }

    func expectEveryReadingCommandAnswers(db: String? = nil) throws {
        for command in Self.readingCommands {
            let result = try run(command, db: db)
            #expect(result.status == 0, "\(command.joined(separator: " ")) exited \(result.status): \(result.err)")
            #expect(result.err.isEmpty, "\(command.joined(separator: " ")): \(result.err)")
        }
        let tree = try CLI.run(["tree", "--content", "notes"])
        #expect(tree.status == 0)
    }

    @Test func everyReadingCommandAnswersOnAStoreFullOfNulls() throws {
        try makeNullStore()
        try expectEveryReadingCommandAnswers()
    }

    @Test func theSameStoreArrivingByImportIsReadToo() throws {
        try makeNullStore()
        let export = try run(["export"])
        #expect(export.status == 0)
        let imported = scratch.url("imported.sqlite")
        let result = try run(["import", "-"], db: imported, stdin: export.stdout)
        #expect(result.status == 0, "\(result.err)")
        #expect(try sqlite(imported, "SELECT COUNT(*) FROM event WHERE new_value IS NULL") == "4")
        try expectEveryReadingCommandAnswers(db: imported)
    }

    @Test func statsAfterUndoingAFirstMarkAnswers() throws {
        #expect(try run(["mark", "https://semver.org", "done"]).status == 0)
        #expect(try run(["undo"]).status == 0)
        let stats = try run(["stats"])
        #expect(stats.status == 0, "exit \(stats.status): \(stats.err)")
        #expect(stats.out.contains("Streak: 1 day"))
        #expect(try run(["stats", "--json"]).status == 0)
    }

    /// SQLite keeps whatever type it is given; a value StudyDash never writes is a clear error
    /// naming where it is, not a trap.
    @Test(arguments: [
        ("UPDATE event SET at = 'soon'", "event.at"),
        ("UPDATE annotation SET created_at = x'00'", "annotation.created_at"),
        ("UPDATE event SET change_id = x'07'", "event.change_id"),
        ("PRAGMA ignore_check_constraints = ON; UPDATE event SET kind = 'teleport'", "event.kind"),  // past v3's CHECK
        ("UPDATE known_item SET seen_at = 1.5", "known_item.seen_at"),
    ])
    func aValueOfTheWrongTypeIsAOneLineError(sql: String, column: String) throws {
        #expect(try run(["mark", "https://semver.org", "done"]).status == 0)
        #expect(try run(["note", "https://semver.org", "first thoughts"]).status == 0)
        try sqlite(db, sql)
        let export = try run(["export"])
        #expect(export.status == 1, "exit \(export.status): \(export.err)")
        #expect(export.err.hasPrefix("studydash: the progress database \(db) holds "), "\(export.err)")
        #expect(export.err.contains(column), "\(export.err)")
        #expect(export.err.split(separator: "\n").count == 1, "\(export.err)")
        for command in [["stats"], ["status", "--orphans"], ["undo"], ["show", "https://semver.org"]] {
            let result = try run(command)
            #expect(result.status == 0 || result.status == 1, "\(command): exit \(result.status) \(result.err)")
        }
    }
}

/// Runs SQL with the sqlite3 program (another program than StudyDash), returning its output.
@discardableResult
func sqlite(_ database: String, _ sql: String) throws -> String {
    let result = try CLI.runProcess("/usr/bin/sqlite3", [database, sql], cwd: "/", environment: [:])
    guard result.status == 0 else { throw SQLiteFailure(message: "sqlite3 failed: \(result.err)") }
    return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
}

struct SQLiteFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
