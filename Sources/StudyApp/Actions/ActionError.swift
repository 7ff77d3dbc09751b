import StudyCore
import StudyStore

/// Why an action changed nothing: the store refused or failed (its error says what happened),
/// the item asked for is no longer in the notes, or a relink was asked to move an item onto
/// itself, or a revisit is not due. Each front end adds what to do about it.
public enum ActionError: Error, CustomStringConvertible, Sendable {
    case store(StoreError)
    case notInNotes(id: String)
    case sameItem(id: String)
    /// A revisit asked for a topic that is not finished, not due, or not on the ladder.
    case revisitRefused(RevisitRefusal)

    public var description: String {
        switch self {
        case .store(let error): error.description
        case .notInNotes: "that item is no longer in the notes"
        case .sameItem(let id): "an item cannot be relinked onto itself (\(id))"
        case .revisitRefused(let refusal): refusal.description
        }
    }
}
