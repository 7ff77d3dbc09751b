import TermGrid

/// How the help and the README name a key: `j`, `↓`, `PgDn`, `Ctrl-f`, `Shift-Tab`, `F1`. One
/// spelling for both, so the test that holds the README to the tables can look names up, and the
/// config's `[keys]` reads the same names back (`parse`).
public enum KeyName {
    public static func of(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + String(letter)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .escape: "Esc"
        case .function(let number): "F\(number)"
        }
    }

    /// The named keys a config may write, lowercased: the help's names, and the arrows in words
    /// (`Up`), which are easier to type than `↑`.
    private static let named: [String: Key] = {
        var names: [String: Key] = [:]
        let keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .tab, .backTab, .backspace,
                           .delete, .insert, .escape, .character(" ")]
        for key in keys { names[of(key).lowercased()] = key }
        for (word, key) in [("up", Key.up), ("down", .down), ("left", .left), ("right", .right), ("escape", .escape),
                            ("pgup", .pageUp), ("pgdn", .pageDown), ("pageup", .pageUp), ("pagedown", .pageDown)] {
            names[word] = key
        }
        return names
    }()

    /// The key a name stands for, or nil: a single printable character as itself (`d` and `D`
    /// differ), a named key in any case (`Enter`, `esc`), `Ctrl-` plus a letter, `F1`–`F24`.
    public static func parse(_ name: String) -> Key? {
        // The arrows' names are single characters too (`↑`).
        if let key = named[name.lowercased()] { return key }
        if name.count == 1, let character = name.first {
            let printable = character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
                && !character.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }
            return printable ? .character(character) : nil
        }
        let lowered = name.lowercased()
        if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last, ("a"..."z").contains(letter) {
            return .control(letter)
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number),
           String(number) == lowered.dropFirst() {
            return .function(number)
        }
        return nil
    }

    /// Several keys as one label: names apart by a space, the digits 1 to 9 as `1–9`.
    public static func label(_ keys: [Key]) -> String {
        let digits = (1...9).map { Key.character(Character(String($0))) }
        var names: [String] = []
        var index = 0
        while index < keys.count {
            if keys[index] == digits[0], Array(keys[index...].prefix(9)) == digits {
                names.append("1–9")
                index += 9
            } else {
                names.append(of(keys[index]))
                index += 1
            }
        }
        return names.joined(separator: " ")
    }
}
