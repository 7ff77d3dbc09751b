/// The colours of the roles (`CellStyle.Role`): a bundled theme (`default`, `light`, `mono`) with
/// the config's `[theme]` roles over it. Pure values; the terminal layer turns them into colour
/// pairs for its depth (`TerminalColor.number(for:)`).
public struct Theme: Hashable, Sendable {
    /// A role's colours; nil is the terminal's own. `basicFallback`: what a bundled theme shows
    /// where the 256 colours are missing, when the nearest basic colour would not do (the default
    /// theme's tan `code` would map to grey, like plain text).
    public struct Colors: Hashable, Sendable {
        public var foreground: TerminalColor?
        public var background: TerminalColor?
        public var basicFallback: TerminalColor?

        public init(_ foreground: TerminalColor?, on background: TerminalColor? = nil, basicFallback: TerminalColor? = nil) {
            self.foreground = foreground
            self.background = background
            self.basicFallback = basicFallback
        }

        /// The foreground to use at this depth.
        public func foreground(for depth: ColorDepth) -> TerminalColor? {
            depth.colors < 256 ? basicFallback ?? foreground : foreground
        }
    }

    public var name: String
    /// Roles without an entry have no colour (only their attributes: bold headings, …).
    public var roles: [CellStyle.Role: Colors]

    public init(name: String, roles: [CellStyle.Role: Colors]) {
        self.name = name
        self.roles = roles
    }

    /// No colour at all: the attributes alone tell roles apart, as under `NO_COLOR`.
    public var isMonochrome: Bool { roles.values.allSatisfy { $0.foreground == nil && $0.background == nil } }

    /// The names `[theme]` gives the roles.
    public static func roleName(_ role: CellStyle.Role) -> String {
        // snake_case, as every other name in the config file (`code_keyword`).
        String(describing: role).reduce(into: "") { name, letter in
            if letter.isUppercase { name += "_" + letter.lowercased() } else { name.append(letter) }
        }
    }
    public static let roleNames = CellStyle.Role.allCases.filter { $0 != .plain }.map(roleName)

    /// A role's colours; a bar without its own keeps the done colour, as before it had a role.
    public func colors(of role: CellStyle.Role) -> Colors? {
        roles[role] ?? (role == .bar ? roles[.done] : nil)
    }

    /// The attributes a cell keeps when the theme's `selection` colours replace its reverse, or
    /// nil to draw it as it is. Every reversed cell takes them (the cursor rows, the status row
    /// and search line): the widgets mark the cursor row by reverse alone, and one look for
    /// everything drawn reversed keeps the themed screen as consistent as the default one.
    public func selecting(_ style: CellStyle) -> CellStyle.Attributes? {
        guard roles[.selection] != nil, style.attributes.contains(.reverse) else { return nil }
        return style.attributes.subtracting(.reverse)
    }

    public static let standard = Theme(name: "default", roles: [
        .accent: Colors(.basic(6)), .done: Colors(.basic(2)), .learning: Colors(.basic(3)), .skipped: Colors(.basic(5)),
        .warning: Colors(.basic(1)),
        // Plain blue is hard to read on dark backgrounds; bright blue maps back to it on 8 colours.
        .link: Colors(.basic(12)),
        .code: Colors(.indexed(180), basicFallback: .basic(3)),  // 180: a tan, unlike `learning`
        .heading: Colors(.basic(6)),
        // A marker's colours, the way pagers and editors show a search's matches.
        .match: Colors(.basic(0), on: .basic(3)),
        // Code blocks: keywords, literals and comments told apart; comments recede in grey.
        .codeBlock: Colors(.indexed(180), basicFallback: .basic(3)),
        .codeKeyword: Colors(.basic(5)), .codeLiteral: Colors(.basic(2)), .codeComment: Colors(.indexed(246)),
        // A pale marker, unlike a search's yellow match; tags in a muted blue-grey.
        .highlight: Colors(.indexed(16), on: .indexed(229)),
        .tag: Colors(.indexed(109), basicFallback: .basic(6)),
    ])

    /// For light backgrounds: no yellow text, darker greens and blues.
    public static let light = Theme(name: "light", roles: [
        .accent: Colors(.basic(4)), .done: Colors(.indexed(28), basicFallback: .basic(2)),
        .learning: Colors(.indexed(130), basicFallback: .basic(5)), .skipped: Colors(.basic(8)),
        .warning: Colors(.basic(1)), .link: Colors(.basic(4)), .code: Colors(.indexed(94), basicFallback: .basic(1)),
        .heading: Colors(.basic(4)), .match: Colors(.basic(0), on: .basic(11)),
        .codeBlock: Colors(.indexed(94), basicFallback: .basic(1)),
        .codeKeyword: Colors(.basic(5)), .codeLiteral: Colors(.indexed(28), basicFallback: .basic(2)),
        .codeComment: Colors(.indexed(246)),
        .highlight: Colors(.basic(0), on: .indexed(229)), .tag: Colors(.basic(4)),
    ])

    public static let mono = Theme(name: "mono", roles: [:])

    public static let bundled = [standard, light, mono]
}

/// A `[theme]` setting that cannot be used: one line naming it and where it was written.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public var description: String
}

extension Theme {
    /// The bundled theme `name` (nil: `default`) with `roles` over it: each value a colour, or
    /// `FG on BG` (`black on yellow`), in the order written; `place` says where, for the errors.
    public static func make(name: String?, namePlace: String?, roles: [(role: String, value: String, place: String)])
        throws(ThemeError) -> Theme {
        var theme = standard
        if let name {
            guard let found = bundled.first(where: { $0.name == name }) else {
                let names = bundled.map(\.name).joined(separator: ", ")
                throw ThemeError(description: "\(namePlace.map { $0 + ": " } ?? "")unknown theme '\(name)' in [theme] (themes: \(names))")
            }
            theme = found
        }
        for setting in roles {
            let roleName = setting.role
            guard let role = CellStyle.Role.allCases.first(where: { $0 != .plain && Self.roleName($0) == roleName }) else {
                throw ThemeError(description: "\(setting.place): unknown role '\(roleName)' in [theme] (roles: "
                                 + roleNames.joined(separator: ", ") + ")")
            }
            guard let colors = Self.colors(setting.value) else {
                throw ThemeError(description: "\(setting.place): cannot read colour '\(setting.value)' for \(roleName) in [theme] "
                                 + "(a name as red or bright-blue, 0–255, #rrggbb, or FG on BG)")
            }
            theme.roles[role] = colors
        }
        return theme
    }

    /// `red`, `#ffaa00 on 236`, `default on blue`; nil when a word is not a colour.
    static func colors(_ value: String) -> Colors? {
        func color(_ word: Substring) -> TerminalColor?? { word == "default" ? .some(nil) : TerminalColor(String(word)).map { .some($0) } }
        let words = value.split(separator: " ")
        switch words.count {
        case 1:
            guard let foreground = color(words[0]) else { return nil }
            return Colors(foreground)
        case 3 where words[1] == "on":
            guard let foreground = color(words[0]), let background = color(words[2]) else { return nil }
            return Colors(foreground, on: background)
        default:
            return nil
        }
    }
}
