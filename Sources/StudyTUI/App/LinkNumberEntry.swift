/// A link number being typed in the status row, for the note of topic `node`: digits typed
/// straight away (`link 12_`, when the note has 10 links or more) or after `:` (an input line).
/// `Reducer+LinkNumbers` handles its keys; `Enter` opens the link, `Esc` cancels.
public struct LinkNumberEntry: Sendable {
    public enum Form: Sendable {
        case digits(String)
        case line(InputLine)
    }

    public var node: Int
    public var form: Form

    public init(node: Int, form: Form) {
        self.node = node
        self.form = form
    }

    /// What the status row shows for the digits form.
    public var label: String? {
        guard case .digits(let digits) = form else { return nil }
        return "link \(digits)_   Enter opens · Esc cancels"
    }
}
