import CNcursesw
import TermGrid

/// How a `CellStyle` looks on this terminal: its attributes as ncurses attributes, and its role
/// as a colour pair when colour is on, or as attributes alone when it is off (`NO_COLOR`, or a
/// monochrome terminal), so that roles stay distinguishable either way.
struct Palette {
    /// Indexed by `CellStyle.Attributes.rawValue` (5 bits).
    private var attributeTable: [attr_t] = []
    /// Indexed by `CellStyle.Role.rawValue`.
    private var roleTable: [(attributes: attr_t, pair: Int16)] = []
    private var isMonochrome = false

    /// Call after newterm. Starts colour when `useColor` and the terminal has it.
    init(useColor: Bool) {
        let bold = studydash_attr_bold(), dim = studydash_attr_dim(), underline = studydash_attr_underline()
        attributeTable = (0..<32).map { bits in
            let attributes = CellStyle.Attributes(rawValue: UInt8(bits))
            var result: attr_t = 0
            if attributes.contains(.bold) { result |= bold }
            if attributes.contains(.dim) { result |= dim }
            if attributes.contains(.reverse) { result |= studydash_attr_reverse() }
            if attributes.contains(.underline) { result |= underline }
            if attributes.contains(.italic) { result |= studydash_attr_italic() }
            return result
        }
        guard useColor && has_colors() && start_color() == OK else {
            isMonochrome = true
            return
        }
        // -1 is the terminal's own background (and foreground); only after use_default_colors.
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        roleTable = CellStyle.Role.allCases.map { Self.coloured($0, background: background) }
    }

    func rendition(of style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        // Without colour: only the roles that must stand out get an attribute (`CellStyle.monochrome`).
        if isMonochrome { return (attributeTable[Int(style.monochrome.attributes.rawValue & 31)], 0) }
        let role = roleTable[Int(style.role.rawValue)]
        return (attributeTable[Int(style.attributes.rawValue & 31)] | role.attributes, role.pair)
    }

    /// One pair per role, numbered by the role's raw value, on the terminal's own background.
    private static func coloured(_ role: CellStyle.Role, background: Int16) -> (attr_t, Int16) {
        let colours = studydash_colors()
        let foreground: Int16
        var attributes: attr_t = 0
        var background = background
        switch role {
        case .accent: foreground = Int16(COLOR_CYAN)
        case .done: foreground = Int16(COLOR_GREEN)
        case .learning: foreground = Int16(COLOR_YELLOW)
        case .skipped: foreground = Int16(COLOR_MAGENTA)
        case .warning: foreground = Int16(COLOR_RED)
        case .link:
            // Plain blue is hard to read on dark backgrounds; take the bright one where it exists.
            foreground = colours >= 16 ? Int16(COLOR_BLUE + 8) : Int16(COLOR_BLUE)
            attributes = studydash_attr_underline()
        case .code, .codeBlock: foreground = colours >= 256 ? 180 : Int16(COLOR_YELLOW)  // 180: a tan, unlike `learning`
        case .codeKeyword:
            foreground = Int16(COLOR_MAGENTA)
            attributes = studydash_attr_bold()
        case .codeLiteral: foreground = Int16(COLOR_GREEN)
        case .codeComment:
            // Grey where the terminal has it: a comment recedes behind the code.
            foreground = colours >= 16 ? Int16(COLOR_BLACK + 8) : Int16(COLOR_WHITE)
            attributes = studydash_attr_dim()
        case .heading:
            foreground = Int16(COLOR_CYAN)
            attributes = studydash_attr_bold()
        case .highlight:
            // A pale marker in 256 colours, unlike a search's yellow match; else reverse video.
            guard colours >= 256 else { return (studydash_attr_reverse(), 0) }
            foreground = 16
            background = 229
        case .tag: foreground = colours >= 256 ? 109 : Int16(COLOR_CYAN)  // 109: a muted blue-grey
        case .match:
            // A marker's colours, the way pagers and editors show a search's matches.
            foreground = Int16(COLOR_BLACK)
            background = Int16(COLOR_YELLOW)
            attributes = studydash_attr_bold()
        case .plain: return (0, 0)
        }
        let pair = Int16(role.rawValue)
        guard init_pair(pair, foreground, background) == OK else { return (attributes, 0) }
        return (attributes, pair)
    }
}
