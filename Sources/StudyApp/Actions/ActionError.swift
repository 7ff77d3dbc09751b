import StudyStore

/// Why an action changed nothing: the store refused or failed (its error says what happened),
/// or the item asked for is no longer in the notes. Each front end adds what to do about it.
public enum ActionError: Error, CustomStringConvertible, Sendable {
    case store(StoreError)
    case notInNotes(id: String)

    public var description: String {
        switch self {
        case .store(let error): error.description
        case .notInNotes: "that item is no longer in the notes"
        }
    }
}
