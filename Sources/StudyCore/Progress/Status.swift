/// A learner's status for one resource.
public enum Status: String, CaseIterable, Sendable, Codable {
    case todo, learning, done, skipped

    /// The checkbox-like mark shown beside a resource in lists and reports.
    public var mark: String {
        switch self {
        case .todo: "[ ]"
        case .learning: "[~]"
        case .done: "[x]"
        case .skipped: "[-]"
        }
    }

    /// Accepts the status names and a few forms people type (`doing`, `skip`, `reset`).
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "todo", "reset", "new": self = .todo
        case "learning", "doing", "started", "wip": self = .learning
        case "done", "finished", "complete": self = .done
        case "skipped", "skip": self = .skipped
        default: return nil
        }
    }
}
