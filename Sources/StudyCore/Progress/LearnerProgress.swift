/// A learner's progress as one value: stored statuses and annotations, read from the store and
/// applied to the content. Owns the rule that a checkbox `[x]` in the notes counts as done until
/// the learner sets a status, after which the store wins.
public struct LearnerProgress: Sendable {
    public var statuses: [String: Status]
    public var annotations: [String: Annotation]

    public init(statuses: [String: Status] = [:], annotations: [String: Annotation] = [:]) {
        self.statuses = statuses
        self.annotations = annotations
    }

    public init(states: [ItemState], annotations: [Annotation]) {
        var statuses: [String: Status] = [:]
        for state in states { if let status = state.status { statuses[state.itemID] = status } }
        var notes: [String: Annotation] = [:]
        for annotation in annotations where annotation.text != nil { notes[annotation.itemID] = annotation }
        self.init(statuses: statuses, annotations: notes)
    }

    public func status(of resource: Resource) -> Status {
        statuses[resource.id] ?? (resource.checkbox == true ? .done : .todo)
    }

    public func annotation(of itemID: String) -> Annotation? { annotations[itemID] }
}
