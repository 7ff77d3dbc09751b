/// A key press as the app sees it, decoded by the terminal layer from `get_wch`.
public enum Key: Hashable, Sendable {
    /// A printable character (never a control).
    case character(Character)
    /// Ctrl plus a letter, as the lowercase letter (`Ctrl-D` is `.control("d")`).
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, delete, insert, escape
    case function(Int)
    /// Ctrl-C as the terminal layer reports it when the app asks for it (`Reducer.wantsInterrupt`):
    /// SIGINT otherwise quits at once.
    case interrupt
    /// The terminal changed size; the new size comes with it.
    case resize(width: Int, height: Int)
}
