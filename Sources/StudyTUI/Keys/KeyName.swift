import TermGrid

/// How the help and the README name a key: `j`, `↓`, `PgDn`, `Ctrl-f`, `Shift-Tab`, `F1`. One
/// spelling for both, so the test that holds the README to the tables can look names up.
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
