/// What a command leaves for the end of the process to free. A big folder's notes are freed node
/// by node when their last reference goes (on 5,052 files, a tenth of what `status` runs), work
/// the OS does at once when the process ends. Only memory: the store is not kept, as closing it
/// is what checkpoints its log.
enum KeptUntilExit {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Holds `value` until the process ends, so that it is never freed piece by piece.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
