/// What a change to the progress did, as values both front ends turn into words: the command
/// line prints them, the dashboard's reducer receives them as messages and says them in its
/// status bar. Each carries the fresh progress of the items it touched, read back from the store
/// after the change, so that every bar shows what the store now holds.
public struct MarkOutcome: Sendable {
    public var status: Status
    /// Every resource the mark was asked for.
    public var requested: [String]
    /// Those whose shown status changed (the rest already had it).
    public var changed: [String]
    public var fresh: LearnerProgress

    public init(status: Status, requested: [String], changed: [String], fresh: LearnerProgress) {
        self.status = status
        self.requested = requested
        self.changed = changed
        self.fresh = fresh
    }
}

public struct AnnotationOutcome: Sendable {
    public var itemID: String
    public var title: String
    /// False when the text equals what was stored (nothing was written).
    public var changed: Bool
    /// True when the annotation was removed (saved empty).
    public var deleted: Bool
    public var fresh: LearnerProgress

    public init(itemID: String, title: String, changed: Bool, deleted: Bool, fresh: LearnerProgress) {
        self.itemID = itemID
        self.title = title
        self.changed = changed
        self.deleted = deleted
        self.fresh = fresh
    }
}

public struct UndoOutcome: Sendable {
    /// The events the undo reverted, newest first.
    public var events: [ProgressEvent]
    public var fresh: LearnerProgress

    public init(events: [ProgressEvent], fresh: LearnerProgress) {
        self.events = events
        self.fresh = fresh
    }

    public var itemIDs: Set<String> { Set(events.map(\.itemID)) }

    /// The change that was reverted (its events share it).
    public var change: String? { events.first?.change }
}

public struct RelinkOutcome: Sendable {
    /// The stored ID the entries left.
    public var oldID: String
    /// The item in the notes they now belong to.
    public var itemID: String
    public var title: String
    public var fresh: LearnerProgress

    public init(oldID: String, itemID: String, title: String, fresh: LearnerProgress) {
        self.oldID = oldID
        self.itemID = itemID
        self.title = title
        self.fresh = fresh
    }
}
