/// Spaced revisits of finished topics: a fixed ladder, not flashcards. A topic whose every counted
/// resource is done becomes due for a short revisit 1 day after it was finished, then 7, 30 and
/// 90 days after each revisit; after the last rung it is kept (off the ladder). A topic that has
/// a resource to do again leaves the ladder; finished again, it starts at the first rung.
///
/// Which topics: those that list resources of their own (a heading or a file with links in it),
/// not the folders and files above them. Every resource then belongs to the topic the learner
/// marked it in, and finishing one section does not list it three times over (heading, file,
/// folder). A topic is finished by everything at and below it, as its bar says.
///
/// All of it is read from the log: when each resource's status was last set and the revisits
/// that stand (not undone). Days are local days, each dated by the caller with its own UTC offset.
public enum RevisitLadder {
    /// Days until each revisit: the first after finishing, each next after the revisit before.
    public static let rungs = [1, 7, 30, 90]

    /// A moment and its local day.
    public struct Moment: Hashable, Sendable {
        public var at: Timestamp
        public var day: Int

        public init(at: Timestamp, day: Int) {
            self.at = at
            self.day = day
        }
    }

    /// What the log says about revisits, as local days.
    public struct History: Sendable, Equatable {
        /// When each item's stored status was last set.
        public var statusSet: [String: Moment]
        /// Each topic's revisits that stand, oldest first.
        public var revisits: [String: [Moment]]
        /// Today's local day number.
        public var today: Int

        public init(statusSet: [String: Moment] = [:], revisits: [String: [Moment]] = [:], today: Int) {
            self.statusSet = statusSet
            self.revisits = revisits
            self.today = today
        }
    }

    /// Where a finished topic stands on the ladder.
    public struct Entry: Sendable, Equatable {
        public var topic: Topic
        /// Titles from the content root down to the topic's parent.
        public var path: [String]
        /// When its last resource was done (or skipped): the latest status set under it.
        public var finished: Moment
        /// Revisits made since it was finished (0…`rungs.count`).
        public var revisitsMade: Int
        /// The day the next revisit is due; nil once every rung is climbed (kept).
        public var dueDay: Int?

        public init(topic: Topic, path: [String], finished: Moment, revisitsMade: Int, dueDay: Int?) {
            self.topic = topic
            self.path = path
            self.finished = finished
            self.revisitsMade = revisitsMade
            self.dueDay = dueDay
        }

        /// The rung the next revisit stands on, 1…`rungs.count`; nil when kept.
        public var rung: Int? { dueDay == nil ? nil : revisitsMade + 1 }

        public func isDue(today: Int) -> Bool { dueDay.map { $0 <= today } ?? false }
    }

    /// The day the next revisit is due, from when the topic was finished and the revisits made
    /// since (older ones belong to an earlier time it was finished); nil when every rung is done.
    public static func dueDay(finished: Moment, revisits: [Moment]) -> (made: Int, due: Int?) {
        let since = revisits.filter { $0.at >= finished.at }
        guard since.count < rungs.count else { return (since.count, nil) }
        return (since.count, (since.last ?? finished).day + rungs[since.count])
    }

    /// Every finished topic on the ladder, in curriculum order. A topic whose resources are all
    /// done by `[x]` in the notes alone has no time in the store, so it has no place yet.
    public static func entries(tree: ContentTree, progress: LearnerProgress, history: History) -> [Entry] {
        entries(tree: tree, rollup: ProgressRollup(tree: tree, progress: progress), history: history)
    }

    /// The same, from a rollup already made (the dashboard keeps one).
    public static func entries(tree: ContentTree, rollup: ProgressRollup, history: History) -> [Entry] {
        var found: [(order: Int, entry: Entry)] = []
        var order = 0
        // One walk, bottom-up: a topic's latest status time is the latest of its own resources'
        // and its children's, so no topic's resources are gathered again (a 5,000-file tree has
        // tens of thousands of topics, and the dashboard view takes this when it opens).
        func visit(_ topic: Topic, path: [String]) -> Moment? {
            let tally = rollup.tally(of: topic.id)
            // Nothing done or skipped here: no topic at or below is finished, and no time here
            // can have finished one above (it would need all of these done or skipped).
            guard tally.done + tally.skipped > 0 else { return nil }
            let mine = order
            order += 1
            var latest: Moment?
            func consider(_ moment: Moment?) {
                guard let moment else { return }
                if latest.map({ moment.at > $0.at }) ?? true { latest = moment }
            }
            for id in topic.resourceIDs { consider(history.statusSet[id]) }
            if !topic.children.isEmpty {
                let below = path + [topic.title]
                for child in topic.children { consider(visit(child, path: below)) }
            }
            guard !topic.resourceIDs.isEmpty, tally.counted > 0, tally.done == tally.counted, let finished = latest
            else { return latest }
            let (made, due) = dueDay(finished: finished, revisits: history.revisits[topic.id] ?? [])
            found.append((mine, Entry(topic: topic, path: path, finished: finished, revisitsMade: made, dueDay: due)))
            return latest
        }
        for root in tree.roots { _ = visit(root, path: []) }
        return found.sorted { $0.order < $1.order }.map(\.entry)
    }

    /// The topics due today or earlier, longest overdue first (then in curriculum order).
    public static func due(tree: ContentTree, progress: LearnerProgress, history: History) -> [Entry] {
        due(tree: tree, rollup: ProgressRollup(tree: tree, progress: progress), history: history)
    }

    public static func due(tree: ContentTree, rollup: ProgressRollup, history: History) -> [Entry] {
        let due = entries(tree: tree, rollup: rollup, history: history).filter { $0.isDue(today: history.today) }
        return due.enumerated().sorted { ($0.element.dueDay ?? 0, $0.offset) < ($1.element.dueDay ?? 0, $1.offset) }
            .map(\.element)
    }
}

extension RevisitLadder {
    /// The topic's place on the ladder if a revisit of it is due today, or why it is not.
    public static func dueEntry(of topic: Topic, tree: ContentTree, progress: LearnerProgress,
                                history: History) -> Result<Entry, RevisitRefusal> {
        let title = topic.title
        guard !topic.resourceIDs.isEmpty else { return .failure(.noResourcesOfItsOwn(title: title)) }
        let rollup = ProgressRollup(tree: tree, progress: progress)
        let tally = rollup.tally(of: topic.id)
        guard tally.counted > 0 else { return .failure(.nothingCounted(title: title)) }
        guard tally.done == tally.counted else { return .failure(.notFinished(title: title, remaining: tally.remaining)) }
        let entry = entries(tree: tree, rollup: rollup, history: history).first { $0.topic.id == topic.id }
        guard let entry else { return .failure(.doneInNotesOnly(title: title)) }
        guard let due = entry.dueDay else { return .failure(.kept(title: title)) }
        guard due <= history.today else { return .failure(.notDue(title: title, dueDay: due, today: history.today)) }
        return .success(entry)
    }
}
