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
        var texts: [String: Annotation] = [:]
        for annotation in annotations where annotation.text != nil { texts[annotation.itemID] = annotation }
        self.init(statuses: statuses, annotations: texts)
    }

    public func status(of resource: Resource) -> Status {
        statuses[resource.id] ?? Self.statusInNotes(of: resource)
    }

    /// What a resource counts as while the learner has set no status: `[x]` done, else todo.
    public static func statusInNotes(of resource: Resource) -> Status {
        resource.checkbox == true ? .done : .todo
    }

    /// The notes' statuses of those resources that differ from todo, as the store needs them
    /// to tell a real change (and record the status it replaces).
    public static func statusesInNotes(of resources: [Resource]) -> [String: Status] {
        var statuses: [String: Status] = [:]
        for resource in resources where statusInNotes(of: resource) != .todo {
            statuses[resource.id] = statusInNotes(of: resource)
        }
        return statuses
    }

    public func annotation(of itemID: String) -> Annotation? { annotations[itemID] }
}
