/// A mouse report as the terminal layer decodes it (xterm's SGR 1006 form): which button or
/// wheel turn, press or release, the cell (0-based, from the top left), the modifiers held, and
/// whether a press is the second one in a row on the same cell (a double click).
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left, middle, right
        case wheelUp, wheelDown
    }

    public enum Action: Hashable, Sendable { case press, release }

    public struct Modifiers: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let shift = Modifiers(rawValue: 1)
        public static let alt = Modifiers(rawValue: 2)
        public static let control = Modifiers(rawValue: 4)
    }

    public var button: Button
    public var action: Action
    public var x: Int
    public var y: Int
    public var modifiers: Modifiers
    /// 1 for a single press, 2 when it follows a press of the same button on the same cell
    /// within the double-click time (the terminal layer counts; the reducer stays untimed).
    public var clicks: Int

    public init(_ button: Button, _ action: Action = .press, x: Int, y: Int, modifiers: Modifiers = [], clicks: Int = 1) {
        self.button = button
        self.action = action
        self.x = x
        self.y = y
        self.modifiers = modifiers
        self.clicks = clicks
    }

    public var isWheel: Bool { button == .wheelUp || button == .wheelDown }
}
