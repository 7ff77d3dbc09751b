import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// The status row's short key hints are written by hand (they are phrases, not the help's
/// words), so each one is checked against the bindings table of the view it is shown in: a
/// hint can never name a key that does nothing there.
@Suite struct HintBindingsTests {
    /// The key names a hint row shows: the first word of each `·`-separated phrase, `j/k` as two
    /// keys and `1-9` as nine.
    static func keyNames(_ hint: String) -> [String] {
        let phrases = hint.split(separator: "│").last.map(String.init) ?? hint
        return phrases.split(separator: "·").flatMap { phrase -> [String] in
            guard let word = phrase.split(separator: " ").first.map(String.init) else { return [] }
            if word == "1-9" { return (1...9).map(String.init) }
            return word.split(separator: "/").map(String.init)
        }
    }

    static func boundNames(_ table: KeyTable) -> Set<String> {
        Set(table.bindings.flatMap(\.keys).map { KeyName.of($0) })
    }

    /// The hints write `Ctrl-S` where the table says `Ctrl-s`; a letter alone keeps its case.
    static func normalised(_ name: String) -> String {
        name.hasPrefix("Ctrl-") ? "Ctrl-" + name.dropFirst(5).lowercased() : name
    }

    @Test(arguments: ["browser", "reader", "resource reader", "editor", "dashboard"])
    func everyHintNamesAKeyBoundInItsView(view: String) throws {
        var state = try Fixture().state(width: 200, height: 30)
        let table: KeyTable
        switch view {
        case "reader":
            state.press(.enter)
            table = ReaderReducer.keys
        case "resource reader":
            state.press(.tab, .enter)
            table = ReaderReducer.keys
        case "editor":
            state.press(.tab, .char("a"))
            table = EditorReducer.keys
        case "dashboard":
            state.press(.char("D"))
            table = DashboardViewReducer.keys
        default:
            table = BrowserReducer.keys
        }
        let hints = Bars.hints(state)
        #expect(!Self.keyNames(try #require(hints.first)).isEmpty)
        for hint in hints {
            for name in Self.keyNames(hint) {
                #expect(Self.boundNames(table).contains(Self.normalised(name)), "the \(view) hint names \(name), which is not bound there")
            }
        }
    }

    /// The status row at 80 columns, as a user of the whole-file reader sees it.
    @Test func theWholeFileReadersHintAtEightyColumnsNamesItsOwnKeys() throws {
        var state = try Fixture().state(width: 80, height: 24)
        state.press(.enter)
        let status = try #require(state.screen.split(separator: "\n").last.map(String.init))
        for phrase in ["J/K section", "t contents", "/ search", "Backspace back", "? help"] {
            #expect(status.contains(phrase), "\(status)")
        }
    }

    /// A resource's reader opens the resource's own link (`o`): digits open nothing there.
    @Test func aResourcesReaderHintOffersItsLinkNotNumberedOnes() throws {
        var state = try Fixture().state(width: 200, height: 30)
        state.press(.tab, .enter)
        let hints = Bars.hints(state)
        #expect(hints.first?.contains("o open link") == true, "\(hints)")
        #expect(!hints.contains { $0.contains("1-9") }, "\(hints)")
    }

    /// `v` marks the selected due topic revisited: the dashboard view's hint says so.
    @Test func theDashboardViewsHintNamesV() throws {
        var state = try Fixture().state(width: 80, height: 24)
        state.press(.char("D"))
        let status = try #require(state.screen.split(separator: "\n").last.map(String.init))
        #expect(status.contains("v revisit"), "\(status)")
    }
}
