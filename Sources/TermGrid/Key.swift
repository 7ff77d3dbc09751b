/// A key press as an application sees it, decoded by the terminal layer from `get_wch`.
public enum Key: Hashable, Sendable {
    /// A printable character (never a control).
    case character(Character)
    /// Ctrl plus a letter, as the lowercase letter (`Ctrl-D` is `.control("d")`).
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, delete, insert, escape
    case function(Int)
}
