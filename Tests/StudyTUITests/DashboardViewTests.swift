import Foundation
import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// The dashboard view (`D`): opening it asks for the activity, its rows are selectable, `Enter`
/// lands on the row's resource in the tree, `q`/`Esc`/`D` go back; drawn at three sizes.
@Suite struct DashboardViewTests {
    /// 2026-11-23, a Monday.
    static let today = CivilDate(year: 2026, month: 11, day: 23).dayNumber

    /// One resource done (the notes' checkbox), one learning; a log of both finishes and a
    /// fortnight of activity, so the heatmap has shades and a streak.
    func opened(_ fixture: Fixture, width: Int = 80, height: Int = 24) throws -> AppState {
        var state = fixture.state(width: width, height: height)
        let resources = try #require(state.index.tree.roots.first).flatMapResources(state.index.tree)
        var progress = LearnerProgress()
        progress.statuses[resources[0].id] = .done
        progress.statuses[resources[2].id] = .learning
        state.replace(progress)
        #expect(state.press(.char("D")) == [.loadActivity])
        var events: [ActivityLog.Event] = []
        for back in [13, 12, 11, 9, 8, 5, 4, 3, 2, 1, 0] {
            for count in 0...(back % 4) {
                events.append(.init(itemID: "x\(count)", at: Timestamp(milliseconds: 0), day: Self.today - back, madeDone: false))
            }
        }
        events.append(.init(itemID: resources[1].id, at: Timestamp(milliseconds: 0), day: Self.today - 3, madeDone: true))
        events.append(.init(itemID: resources[0].id, at: Timestamp(milliseconds: 0), day: Self.today - 1, madeDone: true))
        state.receive(.activityLoaded(ActivityLog(events: events, today: Self.today)))
        return state
    }

    @Test func dOpensTheViewAndQEscAndDGoBack() throws {
        let fixture = try Fixture()
        for key: Key in [.char("q"), .escape, .char("D")] {
            var state = try opened(fixture)
            #expect(state.screen.contains("Next up") && state.screen.contains("Recently finished"))
            #expect(state.press(key).isEmpty, "\(key) quits nothing")
            #expect(state.overlay == nil, "\(key) goes back to the browser")
            #expect(!state.screen.contains("Recently finished"))
        }
    }

    @Test func enterOnANextUpRowSelectsThatResourceInTheTree() throws {
        let fixture = try Fixture()
        var state = try opened(fixture)
        guard case .dashboard(let panel) = state.overlay else { Issue.record("not open"); return }
        let rows = panel.rows(state)
        #expect(rows.first?.status == .learning, "learning comes first")
        #expect(rows.filter { $0.list == .finished }.count == 2, "both finishes still stand")
        state.press(.char("j"), .char("j"), .char("k"))
        let wanted = rows[1].resource
        state.press(.enter)
        #expect(state.overlay == nil)
        #expect(state.focus == .detail)
        #expect(state.selectedResource?.id == wanted.id)
    }

    @Test func nextUpStartsFromWhereTheCursorIs() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        let all = NextQueue.resources(in: state.index.tree, progress: state.progress, limit: 50)
        try #require(all.count > 2)
        // Down the tree to the last area: its unfinished resources come first, the rest wraps.
        state.press(.char("G"))
        let place = state.place
        #expect(state.press(.char("D")) == [.loadActivity])
        guard case .dashboard(let panel) = state.overlay else { Issue.record("not open"); return }
        let shown = panel.rows(state).filter { $0.list == .nextUp }.map(\.resource.id)
        let expected = NextQueue.resources(in: state.index.tree, progress: state.progress, from: place, limit: 5).map(\.id)
        #expect(shown == expected)
        #expect(shown.first != all.first?.id, "not the top of the curriculum")
    }

    @Test func enterOnARecentlyFinishedRowSelectsIt() throws {
        let fixture = try Fixture()
        var state = try opened(fixture)
        state.press(.char("G"))  // not bound here: nothing moves
        for _ in 0..<20 { state.press(.char("j")) }
        guard case .dashboard(let panel) = state.overlay else { Issue.record("not open"); return }
        let last = try #require(panel.rows(state).last)
        #expect(last.list == .finished && panel.cursor == panel.rows(state).count - 1)
        state.press(.enter)
        #expect(state.selectedResource?.id == last.resource.id)
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func snapshot(width: Int, height: Int) throws {
        let fixture = try Fixture()
        var state = try opened(fixture, width: width, height: height)
        state.press(.char("j"))
        Snapshot.check(state.renderedGrid, named: "dashboard-\(width)x\(height)")
    }

    /// The view while its log is read: placeholders where the log's figures go.
    @Test(arguments: ScreenSnapshotTests.sizes) func snapshotWhileReading(width: Int, height: Int) throws {
        var state = try Fixture().state(width: width, height: height)
        #expect(state.press(.char("D")) == [.loadActivity])
        Snapshot.check(state.renderedGrid, named: "dashboard-reading-\(width)x\(height)")
    }

    /// At 40×12 the pace has one row: a wording that fits it whole, not one cut mid-phrase.
    @Test func theOneRowPaceLineFitsWhole() throws {
        var state = try Fixture().state(width: 40, height: 12)
        #expect(state.press(.char("D")) == [.loadActivity])
        state.receive(.activityLoaded(ActivityLog(events: [], today: Self.today)))
        let rows = state.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let pace = try #require(rows.dropLast().last).trimmingCharacters(in: .whitespaces)
        #expect(pace.hasSuffix("resources left · no date yet"), "\(pace)")
    }

    /// `D` in the reader opens the view over it, and `q` comes back to the reader where its
    /// cursor line was; `Enter` on a row still goes to the tree.
    @Test func dFromTheReaderComesBackToTheReader() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        state.press(.enter, .char("j"))
        let reading = try #require(state.reader)
        #expect(state.press(.char("D")) == [.loadActivity])
        guard case .dashboard = state.overlay else {
            Issue.record("D in the reader opened no dashboard view")
            return
        }
        state.press(.char("q"))
        #expect(state.reader?.subject == reading.subject)
        #expect(state.reader?.cursor == reading.cursor)
        state.press(.char("D"), .enter)
        #expect(state.overlay == nil, "Enter on a row goes to the tree")
    }

    /// `?` is "every key" in every view: in the dashboard view it did nothing at all. Any key
    /// closes the help back to the view, its cursor where it was.
    @Test func helpOpensFromTheViewAndClosesBackToIt() throws {
        let fixture = try Fixture()
        var state = try opened(fixture)
        state.press(.char("j"), .char("?"))
        guard case .help = state.overlay else {
            Issue.record("? opened no help in the dashboard view")
            return
        }
        #expect(state.screen.contains("Dashboard view (D)"))
        state.press(.char("x"))
        guard case .dashboard(let panel) = state.overlay else {
            Issue.record("closing the help left the dashboard view")
            return
        }
        #expect(panel.cursor == 1)
    }

    @Test func eightyColumnsShowAtLeastTwelveWeeks() throws {
        let fixture = try Fixture()
        let screen = try opened(fixture).screen
        let monday = try #require(screen.split(separator: "\n").first { $0.contains("Mon ") })
        let cells = monday.split(separator: "Mon ", maxSplits: 1).last?.split(separator: " ").prefix { !$0.contains("│") }
        #expect((cells?.count ?? 0) >= 12, "\(monday)")
    }
}

extension Topic {
    func flatMapResources(_ tree: ContentTree) -> [Resource] {
        tree.resourceIDs(under: self).compactMap { tree.resources[$0] }
    }
}

/// Reading 100,000 events takes a while: `D` reads the store again only after a change.
@Suite struct DashboardActivityReuseTests {
    @Test func reopeningWithNoChangeReadsNothingAndAfterAMarkReadsAgain() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        #expect(state.press(.char("D")) == [.loadActivity])
        state.receive(.activityLoaded(ActivityLog(events: [], today: 0)))
        state.press(.char("q"))
        #expect(state.press(.char("D")) == [.readToday], "nothing changed: the activity read before is shown, only the clock is read")
        #expect(state.screen.contains("streak 0 days"), "and drawn at once")
        state.press(.char("q"))
        let resource = try #require(state.index.tree.resources.values.first)
        var fresh = LearnerProgress()
        fresh.statuses[resource.id] = .done
        state.receive(.marked(MarkOutcome(status: .done, requested: [resource.id], changed: [resource.id], fresh: fresh),
                              label: resource.title))
        #expect(state.press(.char("D")) == [.loadActivity], "a mark is new activity")
    }

    /// The first `D` of a session should not wait for 100,000 events: the first idle moment
    /// (a tick) reads them ahead, once, and `D` then opens on what was read.
    @Test func anIdleMomentReadsTheActivityAheadOnceAndDOpensOnIt() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        #expect(state.receive(.event(.tick)) == [.readActivityAhead])
        #expect(state.receive(.event(.tick)) == [], "once: a read that failed is not tried on every tick")
        state.receive(.activityLoaded(ActivityLog(events: [], today: 0)))
        #expect(state.press(.char("D")) == [.readToday], "the activity read ahead is shown, only the clock is read")
        #expect(state.screen.contains("streak 0 days"), "and drawn at once")
    }

    /// A `D` pressed before the idle moment reads then, and nothing is read twice.
    @Test func dBeforeTheReadAheadReadsThenAndOnlyThen() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        #expect(state.press(.char("D")) == [.loadActivity])
        state.receive(.activityLoaded(ActivityLog(events: [], today: 0)))
        #expect(state.receive(.event(.tick)) == [])
    }

    /// A `D` pressed while the log is still being read (the idle read ahead has begun, and
    /// on a million events takes about a second) opens the view at once on what the progress
    /// alone tells: the bars, next up and the time left, with "reading the activity…" where the
    /// heatmap, the streak and the lists of the log go. Its keys work meanwhile, and the log
    /// fills them in when it arrives.
    @Test func dDuringTheReadShowsWhatIsKnownAndTheLogFillsItIn() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        #expect(state.receive(.event(.tick)) == [.readActivityAhead])
        #expect(state.press(.char("D")) == [.loadActivity], "the run loop joins the read in flight")
        let reading = state.screen
        #expect(reading.contains("Overall") && reading.contains("Areas") && reading.contains("Next up"))
        #expect(reading.contains("reading the activity…"))
        #expect(reading.contains("resources left · reading the"), "the time left, the date to come: \(reading)")
        #expect(!reading.contains("streak"))
        state.press(.char("j"))
        guard case .dashboard(let panel) = state.overlay else { Issue.record("the view closed"); return }
        #expect(panel.cursor == 1, "j moves while the log is read")
        state.receive(.activityLoaded(ActivityLog(events: [], today: 0)))
        let filled = state.screen
        #expect(filled.contains("streak 0 days"))
        #expect(!filled.contains("reading the activity"))
        guard case .dashboard(let after) = state.overlay else { Issue.record("the log closed the view"); return }
        #expect(after.cursor == 1, "the cursor stays where it was")
    }

    /// Left before the log came: it is kept, and the next `D` opens on it without reading again.
    @Test func aLogArrivingAfterTheViewClosedIsKeptForTheNextD() throws {
        let fixture = try Fixture()
        var state = fixture.state()
        #expect(state.press(.char("D")) == [.loadActivity])
        state.press(.char("q"))
        state.receive(.activityLoaded(ActivityLog(events: [], today: 0)))
        #expect(state.overlay == nil, "the log opens nothing")
        #expect(state.press(.char("D")) == [.readToday])
        #expect(state.screen.contains("streak 0 days"))
    }

    /// Reopened after midnight, the log read yesterday is reused but "today" moves on: the heatmap,
    /// the streak and the "today" of recently finished follow the clock, not the first reading.
    @Test func reopeningAfterMidnightCountsFromTheNewDay() throws {
        let fixture = try Fixture()
        var state = try DashboardViewTests().opened(fixture)
        let yesterday = DashboardViewTests.today
        #expect(state.screen.contains("yesterday   "), "the test's log finished something the day before")
        state.press(.char("q"))
        #expect(state.press(.char("D")) == [.readToday])
        state.receive(.today(yesterday + 1))
        guard case .dashboard(let panel) = state.overlay else { Issue.record("not open"); return }
        #expect(panel.activity?.today == yesterday + 1)
        #expect(!state.screen.contains("yesterday   "), "what was yesterday is now two days ago: \(state.screen)")
        // The next reopen, still on the new day, keeps it.
        state.press(.char("q"))
        state.press(.char("D"))
        guard case .dashboard(let again) = state.overlay else { Issue.record("not open"); return }
        #expect(again.activity?.today == yesterday + 1)
    }
}
