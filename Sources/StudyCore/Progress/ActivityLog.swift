/// The learner's activity as the dashboard view and `studydash stats` read it: every event of the
/// log with its local day (each dated by the UTC offset in force on its own date, so a history
/// across a daylight-saving change counts its days right), and today. `ActivityStats` and the
/// "recently finished" list are both made from it, so the two front ends cannot count apart.
public struct ActivityLog: Sendable, Equatable {
    public struct Event: Sendable, Equatable {
        public var itemID: String
        public var at: Timestamp
        /// The local day number of `at`.
        public var day: Int
        /// The event made a resource done and was not undone.
        public var madeDone: Bool

        public init(itemID: String, at: Timestamp, day: Int, madeDone: Bool) {
            self.itemID = itemID
            self.at = at
            self.day = day
            self.madeDone = madeDone
        }
    }

    /// Oldest first.
    public var events: [Event]
    /// Today's local day number.
    public var today: Int
    /// What the revisit ladder is read from (nil when not read): the dashboard view's "due for
    /// revisit" comes with the rest of the log.
    public var revisits: RevisitLadder.History?

    public init(events: [Event], today: Int, revisits: RevisitLadder.History? = nil) {
        self.events = events
        self.today = today
        self.revisits = revisits
    }

    /// The stats over the last `weeks` weeks; `remaining` resources are still to finish.
    public func stats(weeks: Int, remaining: Int) -> ActivityStats {
        ActivityStats(activityDays: events.map(\.day), doneDays: events.filter(\.madeDone).map(\.day),
                      today: today, weeks: weeks, remaining: remaining)
    }

    /// The last `limit` resources finished, newest first, each once (at its latest finish), and
    /// only those `isDone` still holds (a resource reset to todo since is not finished).
    public func recentlyFinished(limit: Int, isDone: (String) -> Bool) -> [Event] {
        var seen = Set<String>()
        var finished: [Event] = []
        for event in events.reversed() where finished.count < limit && event.madeDone && event.day <= today {
            guard seen.insert(event.itemID).inserted, isDone(event.itemID) else { continue }
            finished.append(event)
        }
        return finished
    }
}

extension ProgressRollup {
    /// The areas a learner's progress is told by: each root's top-level topics (a root without
    /// any stands for itself), leaving out those that count no resource (a README's notes about
    /// the notes). The dashboard view and `studydash stats` show a bar for each.
    public func areas(of tree: ContentTree) -> [Topic] {
        tree.roots.flatMap { $0.children.isEmpty ? [$0] : $0.children }.filter { tally(of: $0.id).counted > 0 }
    }
}
