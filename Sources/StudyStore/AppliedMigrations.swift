import GRDB

/// Which of the schema's migrations a database has had, read without GRDB's migrator, whose
/// reading builds a `Set<String>` inside GRDB: the first use of that type checks its conformance
/// by scanning every conformance record of this static binary, about 0.5 M instructions on every
/// open of a store.
enum AppliedMigrations {
    /// The identifiers in `grdb_migrations`; none when the table is not there yet.
    static func identifiers(_ db: Database) throws -> [String] {
        do {
            let rows = try Row.fetchCursor(db, sql: "SELECT identifier FROM grdb_migrations")
            var identifiers: [String] = []
            while let row = try rows.next() {
                identifiers.append(try StoredRow(row, from: "grdb_migrations").text("identifier"))
            }
            return identifiers
        } catch {
            // As GRDB reads it: no table yet is no migration yet; any other failure stands.
            if (try? !db.tableExists("grdb_migrations")) ?? false { return [] }
            throw error
        }
    }

    /// Whether the file has a migration this build does not know: a newer StudyDash made it.
    static func haveBeenSuperseded(_ db: Database) throws -> Bool {
        let known = Schema.migrations.map(\.identifier)
        return try identifiers(db).contains { !known.contains($0) }
    }

    /// Whether every migration this build knows has been applied, so that migrating would
    /// change nothing.
    static func areComplete(_ db: Database) throws -> Bool {
        let applied = try identifiers(db)
        return Schema.migrations.allSatisfy { applied.contains($0.identifier) }
    }
}
