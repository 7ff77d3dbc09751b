import TermGrid

/// The keys in effect: every view's table, the defaults of the reducers' files with the config's
/// `[keys.VIEW]` settings applied. It travels in `AppState`, so the reducers and the help read the
/// same tables, rebound or not.
public struct KeyMap: Sendable {
    /// The views that have a table, named as `[keys.VIEW]` names them.
    public enum View: String, CaseIterable, Sendable {
        case browser, search, filter, reader, contents, dashboard, editor, help, question
    }

    private var tables: [View: KeyTable]
    /// False for the defaults: the hints need no rewriting then.
    private var rebound = false

    public static let defaults = KeyMap(tables: Dictionary(uniqueKeysWithValues: View.allCases.map { ($0, defaultTable($0)) }))

    static func defaultTable(_ view: View) -> KeyTable {
        switch view {
        case .browser: BrowserReducer.keys
        case .search: SearchReducer.keys
        case .filter: SearchReducer.filterKeys
        case .reader: ReaderReducer.keys
        case .contents: ContentsReducer.keys
        case .dashboard: DashboardViewReducer.keys
        case .editor: EditorReducer.keys
        case .help: HelpReducer.keys
        case .question: QuestionReducer.keys
        }
    }

    public subscript(view: View) -> KeyTable { tables[view] ?? Self.defaultTable(view) }

    /// The first key bound to `action` in `view`, as the help names it: for hints that name a key.
    public func keyName(_ action: Action, in view: View) -> String? {
        self[view].bindings.first { $0.action == action && !$0.keys.isEmpty }?.keys.first.map(KeyName.of)
    }
}

/// One `[keys.VIEW] action = keys` setting, as plain values: the config reads the file, this
/// checks the names. `place` is where it was written ("config.toml:12:3").
public struct KeyRebinding: Sendable {
    public var view: String
    public var action: String
    public var keys: [String]
    public var place: String

    public init(view: String, action: String, keys: [String], place: String) {
        self.view = view
        self.action = action
        self.keys = keys
        self.place = place
    }
}

/// A `[keys]` setting that cannot be applied: one line naming it and where it was written.
public struct KeyBindingError: Error, Equatable, CustomStringConvertible {
    public var description: String
}

extension KeyMap {
    /// These settings applied in order: each replaces the keys of its action in its view; `"none"`
    /// alone unbinds it. Unknown views, actions and key names, and a key left bound to two
    /// actions of one view, are errors.
    public func applying(_ settings: [KeyRebinding]) throws(KeyBindingError) -> KeyMap {
        var map = self
        // Where each key a setting bound was written, for the error when it clashes.
        var placed: [View: [Key: String]] = [:]
        for setting in settings {
            guard let view = View(rawValue: setting.view) else {
                let views = View.allCases.map(\.rawValue).joined(separator: ", ")
                throw KeyBindingError(description: "\(setting.place): unknown view '\(setting.view)' in [keys] (views: \(views))")
            }
            let keys = try Self.keys(setting, view: view)
            var table = map[view]
            let actions = ActionName.actions(named: setting.action) ?? []
            guard let row = table.bindings.firstIndex(where: { actions.contains($0.action) }) else {
                throw KeyBindingError(description: "\(setting.place): unknown action '\(setting.action)' in [keys.\(view.rawValue)]")
            }
            if keys.isEmpty, let exit = Self.wayOut[view], actions.contains(exit) {
                throw KeyBindingError(description: "\(setting.place): \(setting.action) in [keys.\(view.rawValue)] needs a key: "
                                      + "it is the way out (bind another key instead of \"none\")")
            }
            if Self.typesText.contains(view), let typed = keys.first(where: { if case .character = $0 { true } else { false } }) {
                throw KeyBindingError(description: "\(setting.place): key '\(KeyName.of(typed))' cannot do \(setting.action) in "
                                      + "[keys.\(view.rawValue)]: it is typed as text there (use Ctrl-, F or a named key)")
            }
            table.bindings = Self.rebinding(table.bindings, row: row, to: keys)
            map.tables[view] = table
            map.rebound = true
            for key in keys { placed[view, default: [:]][key] = setting.place }
        }
        for (view, keys) in placed { try map.checkNoKeyTwice(in: view, placed: keys) }
        return map
    }

    /// The action that leaves each view: unbound, the user would be shut in it (Ctrl-C aside).
    private static let wayOut: [View: Action] = [
        .browser: .quit, .reader: .back, .contents: .back, .dashboard: .back,
        .editor: .cancel, .search: .search(.clear),
    ]

    /// The views where a printable key is text being typed, never an action.
    private static let typesText: Set<View> = [.editor, .search]

    /// Ctrl letters the dashboard never receives as themselves (see KeyDecoder and cbreak mode).
    private static let takenByTheTerminal: [Character: String] = [
        "c": "the terminal takes it as interrupt", "z": "the terminal takes it as suspend",
        "h": "it arrives as Backspace", "i": "it arrives as Tab", "j": "it arrives as Enter", "m": "it arrives as Enter",
    ]

    private static func keys(_ setting: KeyRebinding, view: View) throws(KeyBindingError) -> [Key] {
        if setting.keys == ["none"] { return [] }
        guard !setting.keys.isEmpty else {
            throw KeyBindingError(description: "\(setting.place): no key for \(setting.action) in [keys.\(view.rawValue)]; "
                                  + "write \"none\" to unbind it")
        }
        var keys: [Key] = []
        for name in setting.keys {
            guard let key = KeyName.parse(name) else {
                let why = name == "none" ? " ('none' unbinds only on its own)" : ""
                throw KeyBindingError(description: "\(setting.place): cannot read key '\(name)' for \(setting.action) in "
                                      + "[keys.\(view.rawValue)]\(why)")
            }
            if case .control(let letter) = key, let taken = Self.takenByTheTerminal[letter] {
                throw KeyBindingError(description: "\(setting.place): key '\(name)' for \(setting.action) in [keys.\(view.rawValue)] "
                                      + "never reaches StudyDash: \(taken)")
            }
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// The row's keys replaced. A row of one pane (the browser's `l`, which expands in the tree
    /// and marks learning in the list) keeps its pane for its own keys; keys new to it apply in
    /// both panes. A row left with no keys is dropped, so the help does not list it.
    private static func rebinding(_ rows: [Binding], row: Int, to keys: [Key]) -> [Binding] {
        var rows = rows
        let old = rows[row]
        var replacement: [Binding] = []
        let kept = old.pane == nil ? keys : keys.filter(old.keys.contains)
        let added = old.pane == nil ? [] : keys.filter { !old.keys.contains($0) }
        if !kept.isEmpty { replacement.append(Binding(kept, old.action, old.help, in: old.pane, notes: old.notes)) }
        if !added.isEmpty {
            replacement.append(Binding(added, old.action, old.help, notes: replacement.isEmpty ? old.notes : []))
        }
        rows.replaceSubrange(row...row, with: replacement)
        return rows
    }

    private func checkNoKeyTwice(in view: View, placed: [Key: String]) throws(KeyBindingError) {
        let rows = self[view].bindings
        for pane in [AppState.Pane.tree, .detail] {
            var seen: [Key: Action] = [:]
            for row in rows where row.pane == nil || row.pane == pane {
                for key in row.keys {
                    if let other = seen[key], other != row.action {
                        let place = placed[key] ?? "config"
                        throw KeyBindingError(description: "\(place): key '\(KeyName.of(key))' is bound to both "
                                              + "\(ActionName.of(other)) and \(ActionName.of(row.action)) in [keys.\(view.rawValue)]")
                    }
                    seen[key] = row.action
                }
            }
        }
    }
}

extension KeyMap {
    /// A hint written with the default keys ("j/k move · ? help ") naming the keys in effect: each
    /// `·` phrase's first word is its key (or keys, `j/k`), looked up by what it does by default;
    /// a phrase whose action was unbound is left out. Words that are not keys stay as written.
    public func rekeyed(_ hint: String, in view: View) -> String {
        guard rebound else { return hint }
        let phrases = hint.components(separatedBy: " · ").compactMap { phrase -> String? in
            let leading = phrase.prefix { $0 == " " }
            let rest = phrase.dropFirst(leading.count)
            let word = rest.prefix { $0 != " " }
            var names: [String] = []
            // `j/k` is two keys; `/` alone is one.
            for name in word == "/" ? ["/"] : word.split(separator: "/").map(String.init) {
                // Hints write `Ctrl-S`; the tables `Ctrl-s`.
                guard let key = KeyName.parse(name),
                      let action = Self.defaults[view].action(for: key, pane: .tree) ?? Self.defaults[view].action(for: key, pane: .detail)
                else { return phrase }
                if let now = keyName(action, in: view) { names.append(now) }
            }
            if names.isEmpty { return nil }
            return leading + names.joined(separator: "/") + rest.dropFirst(word.count)
        }
        return phrases.joined(separator: " · ")
    }
}
