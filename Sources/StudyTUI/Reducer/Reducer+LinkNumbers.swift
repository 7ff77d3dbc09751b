import StudyCore
import TermGrid

/// Typing a link number: the digits after `1`–`9` when a note has 10 links or more (`link 12_`
/// in the status row), or `:` and a number. `Enter` (or `o` after digits) opens link N, `Esc` or
/// any other key cancels. While a number is being typed, its keys reach nothing else.
extension Reducer {
    /// A note with this many links makes `1` wait: it may begin `12`.
    static let linksThatNeedEnter = 10

    /// `:` in the browser (the selected topic's note) or the reader (`node`'s note).
    static func startLinkLine(node: Int?, state: inout AppState) {
        guard let node = node ?? state.selectedNode else { return }
        guard writtenLink(1, of: node, state: state) != nil else {
            state.say("this note has no links")
            return
        }
        state.linkEntry = LinkNumberEntry(node: node, form: .line(InputLine(prompt: ":")))
    }

    static func handleLinkEntry(_ key: Key, entry: LinkNumberEntry, state: inout AppState) -> [Effect] {
        var entry = entry
        state.linkEntry = nil
        switch entry.form {
        case .digits(var digits):
            switch key {
            case .enter, .character("o"): return followNoteLink(Int(digits) ?? 0, of: entry.node, state: &state)
            case .character(let c) where c.isASCII && c.isNumber:
                // Six digits are more links than a note has; more would only overflow.
                if digits.count < 6 { digits.append(c) }
            case .backspace:
                digits.removeLast()
                if digits.isEmpty { return [] }
            default: return []
            }
            entry.form = .digits(digits)
        case .line(var line):
            switch key {
            case .enter:
                let digits = line.text.filter { $0 != " " }
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    state.say("type a link number after ':'", error: true)
                    return []
                }
                // Digits past what Int holds are still a number, beyond any note's links.
                return followNoteLink(Int(digits) ?? Int.max, of: entry.node, state: &state)
            case .escape: return []
            case .backspace where line.text.isEmpty: return []
            default: _ = line.handle(key)
            }
            entry.form = .line(line)
        }
        state.linkEntry = entry
        return []
    }

    /// Link `number` of `node`'s note, resolved against the note that holds it (a relative link
    /// is relative to it), or the range there is. Only that one link is resolved: resolving asks
    /// the disk, and a whole file may hold hundreds.
    static func followNoteLink(_ number: Int, of node: Int, state: inout AppState) -> [Effect] {
        guard let link = writtenLink(number, of: node, state: state) else {
            // Only a number past the end needs the whole count, for the range it names.
            let count = writtenLinks(of: node, state: state).count
            state.say(count == 0 ? "this note has no links"
                      : count == 1 ? "this note has one link only: 1" : "this note has links 1–\(count) only")
            return []
        }
        return follow(state.model.resolve(link.written, in: link.node), state: &state)
    }
}
