import Dispatch

/// One piece of start-up work run on the other core while this thread does another, its result
/// (or its error) collected when needed. Only for work that owns what it makes until then: the
/// value is handed over once, after the work has finished, so no two threads ever touch it at
/// the same time.
final class InBackground<Value>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error> = .failure(NotRun())

    private struct NotRun: Error {}

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result(catching: work)
            self.finished.signal()
        }
    }

    /// Waits for the work, then gives its value or throws its error.
    func value() throws -> Value {
        finished.wait()
        finished.signal()  // a second call finds it finished too
        return try result.get()
    }
}
