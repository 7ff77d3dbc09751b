/// A colour as a theme writes it (a 16-colour name, a 256-colour number, `#rrggbb`), and the pure
/// mapping down to what a terminal has: 24-bit only where it says so, else the nearest of the 256
/// (xterm's cube and grey ramp), else the nearest of the 16 (or 8) basic colours.
public enum TerminalColor: Hashable, Sendable {
    /// 0–15: the terminal's own basic colours (`red` is 1, `bright-blue` 12).
    case basic(Int)
    /// 16–255 of the 256-colour palette.
    case indexed(Int)
    case rgb(red: Int, green: Int, blue: Int)

    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `red`, `bright-blue`, `grey` (bright black), `0`–`255`, `#rrggbb`; nil for anything else.
    public init?(_ text: String) {
        let word = text.lowercased()
        if let index = Self.names.firstIndex(of: word) {
            self = .basic(index)
        } else if word.hasPrefix("bright-"), let index = Self.names.firstIndex(of: String(word.dropFirst(7))) {
            self = .basic(index + 8)
        } else if word == "grey" || word == "gray" {
            self = .basic(8)
        } else if let number = Int(word), (0...255).contains(number), String(number) == word {
            self = number < 16 ? .basic(number) : .indexed(number)
        } else if word.hasPrefix("#"), word.count == 7, let value = Int(word.dropFirst(), radix: 16),
                  word.dropFirst().allSatisfy(\.isHexDigit) {
            self = .rgb(red: value >> 16, green: (value >> 8) & 0xFF, blue: value & 0xFF)
        } else {
            return nil
        }
    }

    /// The colour number to hand the terminal: on a direct-colour terminal a 24-bit value as
    /// ncurses takes it there (`0xRRGGBB`; only 0–7 stay the basic colours), else a palette
    /// index within `depth.colors`.
    public func number(for depth: ColorDepth) -> Int {
        let (red, green, blue): (Int, Int, Int)
        switch self {
        case .basic(let index):
            if depth.truecolor && index >= 8 { (red, green, blue) = ColorMapping.rgb(ofIndex: index); break }
            return depth.colors >= 16 ? index : index % 8
        case .indexed(let index):
            if depth.colors >= 256 && !depth.truecolor { return index }
            (red, green, blue) = ColorMapping.rgb(ofIndex: index)
        case .rgb(let r, let g, let b):
            (red, green, blue) = (r, g, b)
        }
        if depth.truecolor { return max(8, red << 16 | green << 8 | blue) }
        if depth.colors >= 256 { return ColorMapping.nearest256(red: red, green: green, blue: blue) }
        return ColorMapping.nearestBasic(red: red, green: green, blue: blue, count: min(16, depth.colors))
    }
}

/// How many colours the terminal shows: 8 or 16 by default, 256 when its terminfo says so, and
/// 24-bit only when `COLORTERM` says truecolor and the terminfo is a direct-colour one (otherwise
/// ncurses could not send them).
public struct ColorDepth: Hashable, Sendable {
    public var colors: Int
    public var truecolor: Bool

    public init(colors: Int, truecolor: Bool = false) {
        self.colors = colors
        self.truecolor = truecolor
    }

    /// From terminfo's `colors` (what `tput colors` says) and `$COLORTERM`. A direct-colour
    /// terminfo (`xterm-direct`) takes 24-bit values for every colour past 7, so without
    /// `COLORTERM` saying truecolor only the 8 basic colours are safe there.
    public static func detect(terminfoColors: Int, colorTerm: String?) -> ColorDepth {
        let saysTruecolor = ["truecolor", "24bit"].contains(colorTerm?.lowercased() ?? "")
        guard terminfoColors >= 1 << 24 else { return ColorDepth(colors: min(max(0, terminfoColors), 256)) }
        return saysTruecolor ? ColorDepth(colors: 1 << 24, truecolor: true) : ColorDepth(colors: 8)
    }
}

/// The palette arithmetic, pure: the RGB of each of the 256 colours and the nearest index.
public enum ColorMapping {
    /// xterm's default basic colours, the reference for mapping down to 16.
    static let basic: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]
    /// The six levels of each channel in the 6×6×6 cube (16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case ..<16: return basic[max(0, index)]
        case 16..<232:
            let cube = index - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let grey = 8 + 10 * (min(index, 255) - 232)
            return (grey, grey, grey)
        }
    }

    /// The nearest of 16–255 (the basic 16 are left out: every terminal themes them its own way).
    public static func nearest256(red: Int, green: Int, blue: Int) -> Int {
        func level(_ value: Int) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) } ?? 0
        }
        let cube = 16 + 36 * level(red) + 6 * level(green) + level(blue)
        let average = (red + green + blue) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return distance(rgb(ofIndex: grey), (red, green, blue)) < distance(rgb(ofIndex: cube), (red, green, blue)) ? grey : cube
    }

    /// The nearest of the first `count` (8 or 16) basic colours.
    public static func nearestBasic(red: Int, green: Int, blue: Int, count: Int = 16) -> Int {
        (0..<max(1, min(16, count))).min { distance(basic[$0], (red, green, blue)) < distance(basic[$1], (red, green, blue)) } ?? 7
    }

    static func distance(_ one: (Int, Int, Int), _ other: (Int, Int, Int)) -> Int {
        let (r, g, b) = (one.0 - other.0, one.1 - other.1, one.2 - other.2)
        return r * r + g * g + b * b
    }
}
