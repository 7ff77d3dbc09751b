/// The learner's activity as the dashboard view and `studydash stats` read it: how many events
/// the log holds on each local day (each event dated by the UTC offset in force on its own date,
/// so a history across a daylight-saving change counts its days right), the events that finished
/// a resource, and today. `ActivityStats`, the forecast and the "recently finished" list are all
/// made from it, so the two front ends cannot count apart. Only the finishes are kept one by one:
/// a log of 100,000 events is a few hundred days here.
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

    /// Events (changes and annotations) per local day, only the days with any.
    public var eventsPerDay: [Int: Int]
    /// The events that made a resource done and stand, oldest first.
    public private(set) var finishes: [Event]
    /// Each resource's latest finish up to today, newest first: what `recentlyFinished` walks on
    /// every frame of the dashboard view, de-duplicated once here rather than through a set of
    /// every finish's ID each time (a log of 100,000 events holds 10,000 finishes).
    private var latestFinishes: [Event] = []
    /// Each resource finished up to today, once, in the order of its first finish: what the
    /// forecast counts on every frame, likewise found once.
    private var finishedIDs: [String] = []
    /// Today's local day number. Both lists above are found again when it moves on (midnight
    /// while the dashboard is open), so a finish dated after the old today comes in.
    public var today: Int {
        didSet { if today != oldValue { findFinished() } }
    }
    /// What the revisit ladder is read from (nil when not read): the dashboard view's "due for
    /// revisit" comes with the rest of the log.
    public var revisits: RevisitLadder.History?

    public init(eventsPerDay: [Int: Int], finishes: [Event], today: Int, revisits: RevisitLadder.History? = nil) {
        self.eventsPerDay = eventsPerDay
        self.finishes = finishes.filter(\.madeDone)
        self.today = today
        self.revisits = revisits
        findFinished()
    }

    private mutating func findFinished() {
        var seen = Set<String>()
        latestFinishes = finishes.reversed().filter { $0.day <= today && seen.insert($0.itemID).inserted }
        seen = []
        finishedIDs = finishes.filter { $0.day <= today && seen.insert($0.itemID).inserted }.map(\.itemID)
    }

    /// From every event one by one, oldest first.
    public init(events: [Event], today: Int, revisits: RevisitLadder.History? = nil) {
        var perDay: [Int: Int] = [:]
        for event in events { perDay[event.day, default: 0] += 1 }
        self.init(eventsPerDay: perDay, finishes: events, today: today, revisits: revisits)
    }

    /// The stats over the last `weeks` weeks.
    public func stats(weeks: Int) -> ActivityStats {
        ActivityStats(eventsPerDay: eventsPerDay, doneDays: finishes.map(\.day), today: today, weeks: weeks)
    }

    /// The pace and the finish date it implies (see `FinishForecast`): `overall` says what is
    /// left, `tree` gives each finished resource's estimate. Every finish that stands counts, once
    /// per resource, even of a resource reset since or gone from the notes: it was studied.
    public func forecast(_ overall: Tally, in tree: ContentTree) -> FinishForecast {
        let days = eventsPerDay.keys.filter { $0 <= today }
        let finished = finishedIDs.map { tree.resources[$0]?.effortMinutes }
        return FinishForecast(overall: overall, finished: finished, activeDays: days.count, firstDay: days.min(),
                              today: today)
    }

    /// The last `limit` resources finished, newest first, each once (at its latest finish), and
    /// only those `isDone` still holds (a resource reset to todo since is not finished).
    public func recentlyFinished(limit: Int, isDone: (String) -> Bool) -> [Event] {
        var finished: [Event] = []
        for event in latestFinishes {
            guard finished.count < limit else { break }
            if isDone(event.itemID) { finished.append(event) }
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
