/// What the terminal reports to an application: a key, a new size, Ctrl-C when the application
/// asked to hear it, or the idle tick (nothing happened for a while). A resize is not a key: it
/// carries the new size, and no key binding can ever match it.
public enum Event: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Ctrl-C as the terminal layer reports it when the application asks for it: SIGINT
    /// otherwise ends the program at once.
    case interrupt
    /// No input within the wait the application gave.
    case tick
}
