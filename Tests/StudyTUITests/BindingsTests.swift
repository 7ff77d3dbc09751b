import Foundation
import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// The views' bindings tables are the keyboard: every key in them does something in its view
/// (generated from the tables, so a new binding is tested the day it is added), the `?` help
/// lists them, and the README's key table names every one.
@Suite struct BindingsTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    /// A state in a view, set up so that each of the view's keys has something to do: cursors
    /// away from the ends, a reader and the help scrolled a little, an editor with text around
    /// its caret, a question asked.
    func prepared(_ table: KeyTable, pane: AppState.Pane?) -> AppState {
        switch table.title {
        case ReaderReducer.keys.title:
            var state = fixture.state(width: 40, height: 12)
            state.press(.enter, .char("j"), .char("j"))
            return state
        case ContentsReducer.keys.title:
            // A file of four headings, the second selected: each key has somewhere to go.
            guard let sections = try? Fixture(files: WholeFileReaderTests.files) else { return fixture.state() }
            var state = sections.state()
            if let one = sections.model.index.nodes.firstIndex(where: { $0.topic.title == "One" }) { state.reveal(one) }
            state.press(.enter, .char("J"), .char("t"))
            return state
        case HelpReducer.keys.title:
            var state = fixture.state()
            state.press(.char("?"), .char("j"), .char("j"))
            return state
        case EditorReducer.keys.title:
            var state = fixture.state()
            state.press(.tab, .char("a"))
            for character in "one\ntwo words\nthree" { state.press(character == "\n" ? .enter : .character(character)) }
            state.press(.up, .left, .left)
            return state
        case DashboardViewReducer.keys.title:
            var state = fixture.state()
            state.press(.char("D"))
            state.receive(.activityLoaded(ActivityLog(events: [], today: 0)))
            state.press(.char("j"))
            return state
        case SearchReducer.keys.title:
            // A query recalled from the history, its cursor inside it: every key has work.
            var state = fixture.state()
            state.searchHistory = ["seeing", "kserve"]
            state.press(.char("/"), .up, .up, .left, .left)
            return state
        case SearchReducer.filterKeys.title:
            var state = fixture.state()
            state.press(.char("/"), .char("s"), .char("e"), .char("e"), .enter)
            return state
        case QuestionReducer.keys.title:
            var state = fixture.state()
            state.bulkMarkThreshold = 1
            state.press(.char("d"))
            return state
        default:
            var state = fixture.state()
            if pane == .detail { state.press(.tab, .char("j")) }
            return state
        }
    }

    /// What a user could tell apart: where the cursors are, what is open, what the status row
    /// says, and the screen.
    func fingerprint(_ state: AppState) -> String {
        [String(describing: state.focus), "\(state.treeCursor) \(state.treeScroll) \(state.detailCursor) \(state.detailScroll)",
         "\(state.expanded.sorted())", String(describing: state.overlay), String(describing: state.message),
         String(describing: state.pending?.prompt), state.screen].joined(separator: "\n")
    }

    static let unbound = Key.function(12)

    @Test func everyBoundKeyDoesSomethingThatAnUnboundKeyDoesNot() {
        for table in KeyTable.all {
            for binding in table.bindings {
                for key in binding.keys {
                    var unbound = prepared(table, pane: binding.pane)
                    let before = fingerprint(unbound)
                    let ignored = unbound.press(Self.unbound)
                    #expect(ignored.isEmpty, "\(table.title): F12 is bound")
                    var pressed = prepared(table, pane: binding.pane)
                    #expect(fingerprint(pressed) == before, "the setup is repeatable")
                    let effects = pressed.press(key)
                    #expect(!effects.isEmpty || fingerprint(pressed) != fingerprint(unbound),
                            "\(table.title): \(KeyName.of(key)) (\(binding.help)) did nothing")
                }
            }
        }
    }

    @Test func noKeyIsBoundTwiceInOneViewAndPane() {
        for table in KeyTable.all {
            for pane in [AppState.Pane.tree, .detail] {
                let keys = table.bindings.filter { $0.pane == nil || $0.pane == pane }.flatMap(\.keys)
                let twice = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys
                #expect(twice.isEmpty, "\(table.title) binds \(twice.map(KeyName.of)) twice")
            }
        }
    }

    @Test func theKeymapLooksKeysUpInTheTable() {
        #expect(BrowserReducer.keys.action(for: .character("l"), pane: .tree) == .expand)
        #expect(BrowserReducer.keys.action(for: .character("l"), pane: .detail) == .mark(.learning))
        #expect(BrowserReducer.keys.action(for: .control("f"), pane: .tree) == .page(1))
        #expect(ReaderReducer.keys.action(for: .character("h")) == .historyBack)
        #expect(ReaderReducer.keys.action(for: .character("7")) == .openNoteLink(7))
        #expect(BrowserReducer.keys.action(for: .escape, pane: .tree) == nil)
    }

    // MARK: The help

    func helpKeys(openedFrom reader: AppState.Reader?) -> [String] {
        HelpOverlay.lines(openedFrom: reader).flatMap { $0.key.split(separator: " ").map(String.init) }
    }

    @Test func theHelpListsEveryKeyOfTheBrowserTheReaderTheEditorAndTheQuestion() {
        let shown = Set(helpKeys(openedFrom: nil))
        for table in [BrowserReducer.keys, ReaderReducer.keys, ContentsReducer.keys, SearchReducer.keys, SearchReducer.filterKeys,
                      DashboardViewReducer.keys, EditorReducer.keys, QuestionReducer.keys] {
            for key in table.bindings.flatMap(\.keys) {
                let name = KeyName.of(key)
                #expect(shown.contains(name) || (("1"..."9").contains(name) && shown.contains("1–9")),
                        "\(table.title): \(name) is bound but not in the help")
            }
        }
    }

    @Test func theHelpShowsTheKeysOfTheViewItWasOpenedFromFirst() throws {
        var browsing = fixture.state()
        browsing.press(.char("?"))
        #expect(browsing.screen.contains("Browse (tree ▏ resources)"))
        var reading = fixture.state()
        reading.press(.enter, .function(1))
        let screen = reading.screen
        let reader = try #require(screen.range(of: "│ Reader "), "the reader's keys are on screen")
        let browser = screen.range(of: "│ Browse (tree")
        #expect(browser.map { reader.lowerBound < $0.lowerBound } ?? true, "the reader's keys come first")
        let views = Set(KeyTable.all.map(\.title))
        func titles(_ reader: AppState.Reader?) -> [String] {
            HelpOverlay.lines(openedFrom: reader).filter { $0.key.isEmpty && views.contains($0.text) }.map(\.text)
        }
        let contents = ContentsReducer.keys.title
        let others = ["Search line (/)", "Filtered tree (after / and Enter)", "Dashboard view (D)", "Annotation editor",
                      "A y/n question"]
        #expect(titles(reading.reader) == ["Reader", contents, "Browse (tree ▏ resources)"] + others)
        #expect(titles(nil) == ["Browse (tree ▏ resources)", "Reader", contents] + others)
    }

    // MARK: The README

    /// The key names in the first column of the README's `| key | action |` table under
    /// "## The dashboard"; `1`–`9` stands for every digit between.
    static func readmeKeys() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## The dashboard\n").dropFirst().first)
            .components(separatedBy: "\n## ").first ?? ""
        let rows = section.split(separator: "\n").drop { !$0.hasPrefix("| key | action |") }.dropFirst(2)
            .prefix { $0.hasPrefix("|") }
        var names: Set<String> = []
        for row in rows {
            let cell = row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().first ?? ""
            let quoted = cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            names.formUnion(quoted)
            if cell.contains("`1`–`9`") { names.formUnion((1...9).map(String.init)) }
        }
        return names
    }

    @Test func theReadmeKeyTableNamesEveryBindingOfEveryView() throws {
        let documented = try Self.readmeKeys()
        #expect(documented.count > 20, "the table was found")
        for table in KeyTable.all {
            for key in table.bindings.flatMap(\.keys) {
                #expect(documented.contains(KeyName.of(key)), "\(table.title): `\(KeyName.of(key))` is missing from README.md")
            }
        }
    }
}
