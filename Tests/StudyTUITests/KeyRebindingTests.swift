import Foundation
import StudyCore
import Testing
@testable import StudyTUI
import TermGrid

/// `[keys.VIEW] action = keys` from the config: the key names read back as the help writes them,
/// a rebound key does the action (and the old one nothing), `"none"` unbinds, the help and the
/// hints show the keys in effect, and every mistake is one line naming it and where it was written.
@Suite struct KeyRebindingTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture() }

    func rebinding(_ settings: [(String, String, [String])]) throws(KeyBindingError) -> KeyMap {
        try KeyMap.defaults.applying(settings.enumerated().map { index, setting in
            KeyRebinding(view: setting.0, action: setting.1, keys: setting.2, place: "config.toml:\(index + 2):1")
        })
    }

    func state(_ keymap: KeyMap) -> AppState {
        var state = fixture.state(width: 120, height: 40)
        state.keymap = keymap
        return state
    }

    func error(_ settings: [(String, String, [String])]) -> String? {
        do {
            _ = try rebinding(settings)
            return nil
        } catch {
            return error.description
        }
    }

    // MARK: Key names

    @Test func keyNamesReadAsTheHelpAndTheConfigWriteThem() {
        let names: [String: Key] = ["d": .char("d"), "D": .char("D"), "Ctrl-d": .control("d"), "Ctrl-D": .control("d"),
                                    "Enter": .enter, "Tab": .tab, "Shift-Tab": .backTab, "Up": .up, "↑": .up, "down": .down,
                                    "PgDn": .pageDown, "PgUp": .pageUp, "F1": .function(1), "F12": .function(12),
                                    "Space": .char(" "), "Esc": .escape, "escape": .escape, "Backspace": .backspace, "?": .char("?")]
        for (name, key) in names { #expect(KeyName.parse(name) == key, "\(name)") }
        for name in ["dd", "Ctrl-", "Ctrl-1", "F0", "F25", "F01", "Ctl-d", "", "\u{1B}", "\t"] {
            #expect(KeyName.parse(name) == nil, "\(name.debugDescription) is not a key")
        }
    }

    @Test func everyKeyOfEveryTableReadsBackFromItsName() {
        for table in KeyTable.all {
            for key in table.bindings.flatMap(\.keys) { #expect(KeyName.parse(KeyName.of(key)) == key, "\(KeyName.of(key))") }
        }
    }

    @Test func everyNamedActionOfEveryTableHasOneName() {
        let names = ActionName.table.map(\.name)
        #expect(Set(names).count == names.count, "names are unique")
        for table in KeyTable.all {
            for binding in table.bindings where binding.action != .edit {
                #expect(ActionName.of(binding.action) != "editing", "\(table.title): \(binding.help) has no name")
            }
        }
    }

    // MARK: Rebinding in the reducer

    @Test func aReboundKeyDoesTheActionAndTheOldKeyNothing() throws {
        var rebound = state(try rebinding([("browser", "mark_done", ["x"])]))
        var usual = fixture.state(width: 120, height: 40)
        rebound.press(.tab)
        usual.press(.tab)
        let marked = usual.press(.char("d"))
        #expect(!marked.isEmpty)
        #expect(rebound.press(.char("x")) == marked)
        #expect(rebound.press(.char("d")).isEmpty)
    }

    @Test func severalKeysMayDoOneAction() throws {
        var state = state(try rebinding([("browser", "undo", ["U", "Ctrl-w"])]))
        #expect(state.press(.char("U")) == [.undo])
        #expect(state.press(.control("w")) == [.undo])
        #expect(state.press(.char("u")).isEmpty)
    }

    @Test func noneUnbinds() throws {
        var state = state(try rebinding([("browser", "undo", ["none"])]))
        #expect(state.press(.char("u")).isEmpty)
        #expect(!HelpOverlay.lines(openedFrom: nil, keymap: state.keymap).contains { $0.text == "undo the last change" })
    }

    /// `l` marks learning only in the list because it expands in the tree; a new key for it
    /// works in both panes, and `l` still expands.
    @Test func aNewKeyForAnActionOfOnePaneWorksInBoth() throws {
        var state = state(try rebinding([("browser", "mark_learning", ["L"])]))
        #expect(state.keymap[.browser].action(for: .char("L"), pane: .tree) == .mark(.learning))
        #expect(state.keymap[.browser].action(for: .char("L"), pane: .detail) == .mark(.learning))
        #expect(state.keymap[.browser].action(for: .char("l"), pane: .tree) == .expand)
        #expect(state.keymap[.browser].action(for: .char("l"), pane: .detail) == nil)
        state.press(.tab)
        #expect(!state.press(.char("L")).isEmpty)
    }

    /// One name, the view's own meaning: `search` in the reader searches the document.
    @Test func theReadersSearchRebindsApartFromTheBrowsers() throws {
        var state = state(try rebinding([("reader", "search", ["F2"])]))
        state.press(.enter, .char("/"))
        #expect(state.reader?.search == nil, "/ no longer searches the document")
        state.press(.function(2))
        #expect(state.reader?.search != nil)
        var browsing = self.state(state.keymap)
        browsing.press(.char("/"))
        if case .search = browsing.overlay {} else { Issue.record("the browser's / still searches") }
    }

    @Test func theQuestionsYesAndTheEditorsSaveRebind() throws {
        var state = state(try rebinding([("question", "confirm", ["j"]), ("editor", "save", ["Ctrl-w"])]))
        state.press(.tab, .char("a"), .char("h"), .char("i"))
        let saved = state.press(.control("w"))
        #expect(saved.contains { if case .saveAnnotation(_, "hi") = $0 { true } else { false } }, "\(saved)")
    }

    // MARK: The help and the hints

    @Test func theHelpShowsTheKeysInEffect() throws {
        var state = state(try rebinding([("browser", "mark_done", ["x"]), ("reader", "contents", ["T", "F3"])]))
        let lines = HelpOverlay.lines(openedFrom: nil, keymap: state.keymap)
        #expect(lines.contains { $0.key == "x l s r" && $0.text == "mark done / learning / skipped / todo" }, "\(lines)")
        #expect(lines.contains { $0.key == "T F3" && $0.text == "table of contents" }, "\(lines)")
        state.press(.char("?"))
        #expect(state.screen.contains(" x l s r "), "\(state.screen)")
    }

    @Test func theHintsNameTheKeysInEffect() throws {
        var state = state(try rebinding([("browser", "quit", ["Q"]), ("browser", "annotate", ["none"]),
                                         ("reader", "contents", ["T"])]))
        let browser = try #require(Bars.hints(state).first)
        #expect(browser.contains("Q quit") && !browser.contains("annotate"), "\(browser)")
        state.press(.enter)
        let reader = try #require(Bars.hints(state).first)
        #expect(reader.contains("T contents") && reader.contains("J/K section"), "\(reader)")
        for name in HintBindingsTests.keyNames(reader) {
            #expect(HintBindingsTests.boundNames(state.keymap[.reader]).contains(HintBindingsTests.normalised(name)), "\(name)")
        }
    }

    /// The README lists the action names a config may use, so they can be found without the source.
    @Test func theReadmeNamesEveryAction() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        for name in ActionName.table.map(\.name) where !name.hasPrefix("open_link_") || name == "open_link_1" {
            #expect(readme.contains("`\(name)`"), "README.md does not name the action \(name)")
        }
        for view in KeyMap.View.allCases { #expect(readme.contains("`\(view.rawValue)`"), "\(view)") }
    }

    /// Two keys swapped: each hint names the other's key once, not swapped back.
    @Test func swappedKeysShowSwappedInTheHints() throws {
        var state = state(try rebinding([("reader", "contents", ["J"]), ("reader", "next_section", ["t"])]))
        state.press(.enter)
        let hints = Bars.hints(state)
        for hint in hints where hint.contains("contents") {
            #expect(hint.contains("J contents") && hint.contains("/ search"), "\(hint)")
            if hint.contains("section") { #expect(hint.contains("t/K section"), "\(hint)") }
        }
    }

    // MARK: Errors

    /// `mark_done = []` looks like a typo more than a choice: unbinding is said with "none".
    @Test func anEmptyListIsAnErrorPointingToNone() {
        #expect(error([("browser", "mark_done", [])])
                == "config.toml:2:1: no key for mark_done in [keys.browser]; write \"none\" to unbind it")
    }

    @Test func everyMistakeIsOneLineNamingItAndItsPlace() {
        #expect(error([("browsr", "mark_done", ["d"])])
                == "config.toml:2:1: unknown view 'browsr' in [keys] (views: browser, search, filter, reader, contents, dashboard, editor, help, question)")
        #expect(error([("browser", "mark_dun", ["d"])]) == "config.toml:2:1: unknown action 'mark_dun' in [keys.browser]")
        // A real action, but not one the view has.
        #expect(error([("browser", "next_section", ["x"])]) == "config.toml:2:1: unknown action 'next_section' in [keys.browser]")
        #expect(error([("browser", "quit", ["Q"]), ("browser", "undo", ["Ctl-z"])])
                == "config.toml:3:1: cannot read key 'Ctl-z' for undo in [keys.browser]")
        #expect(error([("browser", "undo", ["U", "none"])])
                == "config.toml:2:1: cannot read key 'none' for undo in [keys.browser] ('none' unbinds only on its own)")
        #expect(error([("browser", "undo", ["d"])]) == "config.toml:2:1: key 'd' is bound to both mark_done and undo in [keys.browser]")
        #expect(error([("reader", "quit", ["x"])]) == "config.toml:2:1: unknown action 'quit' in [keys.reader]")
    }

    @Test func aKeyMovedFromOneActionToAnotherIsFine() throws {
        var state = state(try rebinding([("browser", "mark_done", ["x"]), ("browser", "undo", ["d"])]))
        #expect(state.press(.char("d")) == [.undo])
    }

    /// The expand key in the tree and the learning key in the list may share a key; the same key
    /// for both in one pane may not.
    @Test func aKeyTwiceInOnePaneIsAnError() {
        #expect(error([("browser", "expand", ["x"]), ("browser", "mark_learning", ["x"])])
                == "config.toml:3:1: key 'x' is bound to both expand and mark_learning in [keys.browser]")
    }

    /// In the editor and the search line a printable key is text being typed: bound to an action,
    /// that letter could never be typed again (`save = "a"` would save on every `a`).
    @Test func aTypedCharacterCannotBeBoundWhereTextIsTyped() {
        #expect(error([("editor", "save", ["a"])])
                == "config.toml:2:1: key 'a' cannot do save in [keys.editor]: it is typed as text there (use Ctrl-, F or a named key)")
        #expect(error([("search", "keep_search", ["Space"])])
                == "config.toml:2:1: key 'Space' cannot do keep_search in [keys.search]: it is typed as text there (use Ctrl-, F or a named key)")
        #expect(error([("editor", "save", ["Ctrl-w", "F2"])]) == nil)
    }

    /// "none" for every way out of a view would trap the user in it (only Ctrl-C would be left).
    @Test func theWayOutOfAViewCannotBeUnbound() {
        #expect(error([("browser", "quit", ["none"])])
                == "config.toml:2:1: quit in [keys.browser] needs a key: it is the way out (bind another key instead of \"none\")")
        #expect(error([("editor", "cancel", ["none"])])
                == "config.toml:2:1: cancel in [keys.editor] needs a key: it is the way out (bind another key instead of \"none\")")
        #expect(error([("search", "clear_search", ["none"])]) != nil)
        #expect(error([("reader", "back", ["none"])]) != nil)
        #expect(error([("contents", "back", ["none"])]) != nil)
        #expect(error([("dashboard", "back", ["none"])]) != nil)
        #expect(error([("browser", "quit", ["x"])]) == nil)
    }

    /// Ctrl-C and Ctrl-Z are the terminal's interrupt and suspend, and Ctrl-H, I, J and M arrive as
    /// Backspace, Tab and Enter: bound to an action, they would never do it.
    @Test func aKeyTheTerminalTakesCannotBeBound() {
        #expect(error([("browser", "undo", ["u", "Ctrl-z"])])
                == "config.toml:2:1: key 'Ctrl-z' for undo in [keys.browser] never reaches StudyDash: the terminal takes it as suspend")
        #expect(error([("browser", "quit", ["Ctrl-c"])])
                == "config.toml:2:1: key 'Ctrl-c' for quit in [keys.browser] never reaches StudyDash: the terminal takes it as interrupt")
        #expect(error([("browser", "undo", ["Ctrl-m"])])
                == "config.toml:2:1: key 'Ctrl-m' for undo in [keys.browser] never reaches StudyDash: it arrives as Enter")
        #expect(error([("browser", "undo", ["Ctrl-i"])]) != nil)
        #expect(error([("browser", "undo", ["Ctrl-h"])]) != nil)
        #expect(error([("browser", "undo", ["Ctrl-j"])]) != nil)
    }
}
