import StudyText

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

/// A revisit that was recorded: the topic's place on the ladder afterwards.
public struct RevisitOutcome: Sendable {
    public var topicID: String
    public var title: String
    /// After this revisit: the rungs climbed and the next due day (nil: kept, off the ladder).
    public var after: RevisitLadder.Entry
    public var today: Int

    public init(topicID: String, title: String, after: RevisitLadder.Entry, today: Int) {
        self.topicID = topicID
        self.title = title
        self.after = after
        self.today = today
    }

    /// `revisited 'X'; next revisit in 7 days (12 Dec)`, or that it is kept.
    public var summary: String {
        guard let due = after.dueDay else {
            return "revisited '\(title)'; that was the last rung (\(RevisitLadder.rungs.last ?? 0) days): it is kept"
        }
        let days = due - today
        return "revisited '\(title)'; next revisit in \(Plural.count(days, "day")) (\(CivilDate(day: due).dayAndMonth))"
    }
}

/// Why a topic cannot be revisited now, as one line that says what would make it possible.
public enum RevisitRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case noResourcesOfItsOwn(title: String)
    case nothingCounted(title: String)
    case notFinished(title: String, remaining: Int)
    case doneInNotesOnly(title: String)
    case kept(title: String)
    case notDue(title: String, dueDay: Int, today: Int)

    public var description: String {
        switch self {
        case .noResourcesOfItsOwn(let title):
            "'\(title)' lists no resources of its own; revisits are kept for the topics under it that do"
        case .nothingCounted(let title):
            "'\(title)' has nothing to finish (every resource is skipped), so it is not on the revisit ladder"
        case .notFinished(let title, let remaining):
            "'\(title)' is not finished (\(remaining) still to do); revisits start once every resource is done"
        case .doneInNotesOnly(let title):
            "'\(title)' is done only by [x] in the notes; mark it done in StudyDash to start its revisits"
        case .kept(let title):
            "'\(title)' has climbed every rung of the revisit ladder; nothing more is due"
        case .notDue(let title, let dueDay, let today):
            "'\(title)' is not due for a revisit until \(CivilDate(day: dueDay).dayAndMonth) (in \(Plural.count(dueDay - today, "day")))"
        }
    }
}
