import StudyCore
import Testing

/// The revisit ladder: a finished topic is due 1 day after it was finished, then 7, 30 and 90
/// days after each revisit, then kept; a topic with something to do again leaves the ladder and
/// starts at the first rung when finished again. Days are local days, given with each moment.
@Suite struct RevisitLadderTests {
    /// Alpha (a file) lists r1 and r2; Beta (a file) lists nothing of its own, its heading Gamma
    /// lists r3 and r4.
    let tree: ContentTree

    init() {
        let here = SourceLocation(file: "a.md", line: 1)
        func resource(_ id: String) -> Resource {
            Resource(id: id, title: id, url: nil, description: "", source: here, checkbox: nil)
        }
        let alpha = Topic(id: "tAlpha", title: "Alpha", kind: .file, source: here, resourceIDs: ["r1", "r2"])
        let gamma = Topic(id: "tGamma", title: "Gamma", kind: .heading, source: here, resourceIDs: ["r3", "r4"])
        let beta = Topic(id: "tBeta", title: "Beta", kind: .file, source: here, children: [gamma])
        let root = Topic(id: "tRoot", title: "Root", kind: .root, source: here, children: [alpha, beta])
        tree = ContentTree(roots: [root], resources: Dictionary(uniqueKeysWithValues: (1...4).map { ("r\($0)", resource("r\($0)")) }),
                           warnings: [])
    }

    /// Day `day` at `hour` o'clock UTC.
    static func at(_ day: Int, hour: Int = 12) -> RevisitLadder.Moment {
        RevisitLadder.Moment(at: Timestamp(milliseconds: (Int64(day) * 24 + Int64(hour)) * 3_600_000), day: day)
    }

    static let allDone: [String: Status] = ["r1": .done, "r2": .done, "r3": .done, "r4": .done]

    /// Alpha and Gamma finished on day 100 (their last resource's status set then).
    static func history(today: Int, revisits: [String: [RevisitLadder.Moment]] = [:]) -> RevisitLadder.History {
        RevisitLadder.History(statusSet: ["r1": at(90), "r2": at(100), "r3": at(95), "r4": at(100, hour: 13)],
                              revisits: revisits, today: today)
    }

    func entries(_ history: RevisitLadder.History, _ statuses: [String: Status] = allDone) -> [RevisitLadder.Entry] {
        RevisitLadder.entries(tree: tree, progress: LearnerProgress(statuses: statuses), history: history)
    }

    func due(_ history: RevisitLadder.History, _ statuses: [String: Status] = allDone) -> [String] {
        RevisitLadder.due(tree: tree, progress: LearnerProgress(statuses: statuses), history: history).map(\.topic.id)
    }

    @Test func theLadderIsOneSevenThirtyNinetyDays() {
        #expect(RevisitLadder.rungs == [1, 7, 30, 90])
    }

    @Test func aFinishedTopicIsDueTheDayAfterItWasFinished() {
        #expect(due(Self.history(today: 100)) == [])
        #expect(due(Self.history(today: 101)) == ["tAlpha", "tGamma"])
        let alpha = entries(Self.history(today: 101)).first { $0.topic.id == "tAlpha" }
        #expect(alpha?.finished == Self.at(100))
        #expect(alpha?.rung == 1)
        #expect(alpha?.dueDay == 101)
        #expect(alpha?.path == ["Root"])
    }

    @Test func onlyTopicsWithResourcesOfTheirOwnAreOnTheLadder() {
        // Beta (whose resources are all under Gamma) and the root are finished too, but only
        // the topics that list the resources are listed: no heading, file and folder thrice.
        #expect(entries(Self.history(today: 101)).map(\.topic.id) == ["tAlpha", "tGamma"])
    }

    @Test func eachRevisitMovesTheNextDueDayUpTheLadder() {
        var revisits: [RevisitLadder.Moment] = []
        var expected = 101
        for (rung, gap) in zip(1..., [7, 30, 90]) {
            revisits.append(Self.at(expected + 2))  // revisited two days late
            expected += 2 + gap
            let entry = entries(Self.history(today: expected, revisits: ["tAlpha": revisits])).first { $0.topic.id == "tAlpha" }
            #expect(entry?.revisitsMade == rung)
            #expect(entry?.rung == rung + 1)
            #expect(entry?.dueDay == expected)
            #expect(due(Self.history(today: expected - 1, revisits: ["tAlpha": revisits])).contains("tAlpha") == false)
        }
        #expect(expected == 103 + 7 + 2 + 30 + 2 + 90)
    }

    @Test func afterTheNinetyDayRungATopicIsKept() {
        let revisits = [Self.at(101), Self.at(108), Self.at(138), Self.at(228)]
        let alpha = entries(Self.history(today: 10_000, revisits: ["tAlpha": revisits])).first { $0.topic.id == "tAlpha" }
        #expect(alpha?.dueDay == nil)
        #expect(alpha?.rung == nil)
        #expect(due(Self.history(today: 10_000, revisits: ["tAlpha": revisits])) == ["tGamma"])
    }

    @Test func aTopicWithSomethingToDoAgainLeavesTheLadder() {
        var statuses = Self.allDone
        statuses["r2"] = .todo
        #expect(due(Self.history(today: 200), statuses) == ["tGamma"])
        statuses["r2"] = .learning
        #expect(due(Self.history(today: 200), statuses) == ["tGamma"])
        // Skipped counts as nothing to do: what is left is done, so the topic is finished.
        statuses["r2"] = .skipped
        #expect(due(Self.history(today: 200), statuses) == ["tAlpha", "tGamma"])
    }

    @Test func finishedAgainItStartsAtTheFirstRung() {
        // Revisited twice, then r2 reset to todo and done again on day 150.
        var history = Self.history(today: 150, revisits: ["tAlpha": [Self.at(101), Self.at(108)]])
        history.statusSet["r2"] = Self.at(150)
        let alpha = entries(history).first { $0.topic.id == "tAlpha" }
        #expect(alpha?.finished == Self.at(150))
        #expect(alpha?.revisitsMade == 0)
        #expect(alpha?.dueDay == 151)
    }

    /// Skipping the last resource left finishes a topic too: it is finished when it was skipped.
    @Test func aSkipThatFinishesATopicDatesIt() {
        var statuses = Self.allDone
        statuses["r2"] = .skipped
        var history = Self.history(today: 130)
        history.statusSet["r2"] = Self.at(120)
        let alpha = entries(history, statuses).first { $0.topic.id == "tAlpha" }
        #expect(alpha?.finished == Self.at(120))
        #expect(alpha?.dueDay == 121)
    }

    @Test func aTopicDoneOnlyInTheNotesHasNoPlaceYet() {
        let history = RevisitLadder.History(statusSet: [:], today: 500)
        #expect(entries(history).isEmpty)
    }

    @Test func theLongestOverdueComesFirst() {
        let history = Self.history(today: 120, revisits: ["tAlpha": [Self.at(101)]])
        // Alpha is due on 108, Gamma since 101.
        #expect(due(history) == ["tGamma", "tAlpha"])
    }

    /// Days are the caller's local days: a finish at 23:30 in UTC−5 is 04:30 UTC the next day,
    /// and its revisit is due the day after the local day, not after the UTC one.
    @Test func dueDaysFollowTheLocalDayOfEachMoment() {
        let lateEvening = Timestamp(milliseconds: (Int64(101) * 24 + 4) * 3_600_000 + 30 * 60_000)
        let local = lateEvening.day(utcOffsetSeconds: -5 * 3600)
        #expect(local == 100)
        let finished = RevisitLadder.Moment(at: lateEvening, day: local)
        #expect(RevisitLadder.dueDay(finished: finished, revisits: []).due == 101)
        // A revisit the next local evening, in summer time (UTC−4), counts from its own day.
        let next = Timestamp(milliseconds: (Int64(102) * 24 + 2) * 3_600_000)
        let revisit = RevisitLadder.Moment(at: next, day: next.day(utcOffsetSeconds: -4 * 3600))
        #expect(RevisitLadder.dueDay(finished: finished, revisits: [revisit]) == (1, 101 + 7))
    }

    @Test func aRevisitIsRefusedWithAReasonUnlessTheTopicIsFinishedAndDue() throws {
        func check(_ id: String, _ history: RevisitLadder.History, _ statuses: [String: Status] = Self.allDone) -> Result<RevisitLadder.Entry, RevisitRefusal>? {
            var found: Topic?
            tree.forEachTopic { topic, _ in if topic.id == id { found = topic } }
            return found.map { RevisitLadder.dueEntry(of: $0, tree: tree, progress: LearnerProgress(statuses: statuses), history: history) }
        }
        var statuses = Self.allDone
        statuses["r1"] = .todo
        #expect(check("tAlpha", Self.history(today: 200), statuses) == .failure(.notFinished(title: "Alpha", remaining: 1)))
        #expect(check("tAlpha", Self.history(today: 100)) == .failure(.notDue(title: "Alpha", dueDay: 101, today: 100)))
        #expect(check("tBeta", Self.history(today: 200)) == .failure(.noResourcesOfItsOwn(title: "Beta")))
        #expect(check("tAlpha", RevisitLadder.History(today: 200)) == .failure(.doneInNotesOnly(title: "Alpha")))
        let kept = Self.history(today: 900, revisits: ["tAlpha": [Self.at(101), Self.at(108), Self.at(138), Self.at(228)]])
        #expect(check("tAlpha", kept) == .failure(.kept(title: "Alpha")))
        guard case .success(let entry) = check("tAlpha", Self.history(today: 101)) else {
            Issue.record("Alpha should be due")
            return
        }
        #expect(entry.rung == 1)
        let refusal = RevisitRefusal.notDue(title: "Alpha", dueDay: CivilDate(year: 2026, month: 12, day: 12).dayNumber,
                                            today: CivilDate(year: 2026, month: 12, day: 5).dayNumber)
        #expect(refusal.description == "'Alpha' is not due for a revisit until 12 Dec (in 7 days)")
    }
}
