/// What the terminal reports to an application: a key, a mouse report, a paste, a new size,
/// Ctrl-C when the application asked to hear it, or the idle tick (nothing happened for a
/// while). A resize, a mouse report and a paste are not keys: no key binding can ever match them.
public enum Event: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A click or wheel turn, reported only while the application turned mouse reporting on.
    case mouse(MouseEvent)
    /// Text the terminal marked as pasted (bracketed paste), control characters removed but
    /// newlines (as "\n") and tabs; one insert, never keys.
    case paste(String)
    /// Ctrl-C as the terminal layer reports it when the application asks for it: SIGINT
    /// otherwise ends the program at once.
    case interrupt
    /// No input within the wait the application gave.
    case tick
}
