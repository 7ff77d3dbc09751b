import GRDB

/// Noticing another process's writes: the dashboard stays open beside the command line, and
/// must re-read when `studydash mark` (or a second dashboard) commits to the same store.
extension ProgressStore {
    /// A number that changes whenever another connection (another process, or another store
    /// object on the same file) has committed since the last call; this store's own writes do
    /// not change it. SQLite's `PRAGMA data_version` is per connection, so it is always asked on
    /// the one writer connection: values from different reader connections could not be
    /// compared. It reads no table and takes no lock, so polling it every idle tick is cheap.
    public func othersChangeVersion() throws(StoreError) -> Int {
        do {
            return try database.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            }
        } catch {
            throw .database(path: path, reason: Self.describe(error))
        }
    }
}
