import StudyCore
import StudyStore

/// Revisits of finished topics, shared by `studydash revisit`, `stats` and the dashboard: the
/// ladder's history read from the store as local days, what is due, and recording a revisit
/// (refused, with the reason, when the topic is not finished or not due).
extension StudySession {
    /// When each status was set and the revisits that stand, as local days (each by the UTC
    /// offset of its own date), with today by the store's clock.
    public func revisitHistory(in zone: LocalZone = .system) throws(StoreError) -> RevisitLadder.History {
        try revisitHistory(revisits: try store.revisits(), in: zone)
    }

    /// The same, from revisits already read (the activity read brings them along).
    func revisitHistory(revisits standing: [(at: Timestamp, topicID: String)],
                        in zone: LocalZone) throws(StoreError) -> RevisitLadder.History {
        // A store holds a state per resource studied: the zone is asked once per offset span.
        var dater = LocalDay.Dater(zone)
        func moment(_ at: Timestamp) -> RevisitLadder.Moment { .init(at: at, day: dater.day(at.milliseconds)) }
        var statusSet: [String: RevisitLadder.Moment] = [:]
        for state in try store.states() { statusSet[state.itemID] = moment(state.updatedAt) }
        var revisits: [String: [RevisitLadder.Moment]] = [:]
        for revisit in standing { revisits[revisit.topicID, default: []].append(moment(revisit.at)) }
        return RevisitLadder.History(statusSet: statusSet, revisits: revisits,
                                     today: LocalDay.of(store.clock.now(), in: zone))
    }

    /// The finished topics due for a revisit today, longest overdue first.
    public func dueRevisits(progress: LearnerProgress, in zone: LocalZone = .system) throws(StoreError) -> [RevisitLadder.Entry] {
        RevisitLadder.due(tree: tree, progress: progress, history: try revisitHistory(in: zone))
    }

    /// Records a revisit of the topic `topicID`, if it is finished and due; one change for `undo`.
    public func revisit(topicID: String, in zone: LocalZone = .system) throws(ActionError) -> RevisitOutcome {
        guard let item = lookup.item(id: topicID), case .topic(let topic, _) = item else { throw .notInNotes(id: topicID) }
        let progress: LearnerProgress
        let history: RevisitLadder.History
        do {
            progress = try self.progress(of: tree.resourceIDs(under: topic))
            history = try revisitHistory(in: zone)
        } catch {
            throw .store(error)
        }
        let entry: RevisitLadder.Entry
        switch RevisitLadder.dueEntry(of: topic, tree: tree, progress: progress, history: history) {
        case .failure(let refusal): throw .revisitRefused(refusal)
        case .success(let due): entry = due
        }
        let now = store.clock.now()
        do {
            try store.recordRevisit(of: known(item))
        } catch {
            throw .store(error)
        }
        // The ladder read afresh would say the same; computed here, it costs no second read.
        let revisits = (history.revisits[topic.id] ?? []) + [RevisitLadder.Moment(at: now, day: LocalDay.of(now, in: zone))]
        var after = entry
        (after.revisitsMade, after.dueDay) = RevisitLadder.dueDay(finished: entry.finished, revisits: revisits)
        return RevisitOutcome(topicID: topic.id, title: topic.title, after: after, today: history.today)
    }
}
