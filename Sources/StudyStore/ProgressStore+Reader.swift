/// A second connection to a store's file that only reads: for a long read off the thread that
/// writes (the dashboard's activity log), so that neither waits for the other. It claims,
/// migrates and writes nothing, and so takes no write lock another process could wait on.
extension ProgressStore {
    public func readingConnection() throws(StoreError) -> ProgressStore {
        try ProgressStore(writer: ReadOnlyStore.open(path), clock: clock)
    }
}
