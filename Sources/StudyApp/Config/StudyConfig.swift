/// The settings a config file gives, as plain values: no TOML library type reaches past the
/// loader (Sources/studydash/Config/ConfigLoader.swift), so that the library modules and their
/// tests use a configuration without parsing one. Every field is optional where the file may
/// leave it out; `nil` means "not set here", and the caller falls back to the environment or the
/// default (precedence: flags > environment > config file > defaults).
public struct StudyConfig: Sendable, Hashable {
    /// The notes folders, already resolved against the config file's folder.
    public var content: [String]?
    /// The progress database, already resolved against the config file's folder.
    public var db: String?
    public var treeWidth: TreeWidth?
    /// More marks than this at once ask to confirm first.
    public var confirmBulk: Int?
    public var mouse: Bool?
    public var hyperlinks: Hyperlinks?
    public var browser: BrowserSetting?
    public var sync: SyncSetting
    /// `[keys.<view>] action = "key"` lines, in file order, not yet checked against any view.
    public var keys: [KeySetting]
    /// `[theme]`, not yet checked against any role or colour.
    public var theme: ThemeSetting
    /// Where each setting was written (its dotted name, as `tree_width` or `sync.dir`).
    public var places: [String: ConfigPlace]
    /// The file the settings came from; nil when none was read.
    public var file: String?

    public init(content: [String]? = nil, db: String? = nil, treeWidth: TreeWidth? = nil,
                confirmBulk: Int? = nil, mouse: Bool? = nil, hyperlinks: Hyperlinks? = nil,
                browser: BrowserSetting? = nil, sync: SyncSetting = SyncSetting(),
                keys: [KeySetting] = [], theme: ThemeSetting = ThemeSetting(),
                places: [String: ConfigPlace] = [:], file: String? = nil) {
        self.content = content
        self.db = db
        self.treeWidth = treeWidth
        self.confirmBulk = confirmBulk
        self.mouse = mouse
        self.hyperlinks = hyperlinks
        self.browser = browser
        self.sync = sync
        self.keys = keys
        self.theme = theme
        self.places = places
        self.file = file
    }

    /// No file: every setting falls back.
    public static let empty = StudyConfig()

    /// The defaults of the settings that have one in the library (the dashboard's own).
    public static let standardConfirmBulk = 10
}

/// Where in a config file a value was written: `file:line:column`, both counted from 1.
public struct ConfigPlace: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// The tree pane's width: a share of the screen or a number of columns.
public enum TreeWidth: Sendable, Hashable, CustomStringConvertible {
    case percent(Int)
    case columns(Int)

    /// The default: two fifths of the screen.
    public static let standard = TreeWidth.percent(40)
    /// Shares a user may ask for; beyond them one pane leaves the other no room.
    public static let percentRange = 10...90
    public static let columnRange = 10...500

    public var description: String {
        switch self {
        case .percent(let value): "\(value)%"
        case .columns(let value): "\(value)"
        }
    }
}

/// `hyperlinks = "auto" | "on" | "off"`: whether links are written as OSC 8 hyperlinks.
public enum Hyperlinks: String, Sendable, Hashable, CaseIterable {
    case auto, on, off
}

/// `browser = "w3m {url}"` and `terminal = true`: the program that opens links.
public struct BrowserSetting: Sendable, Hashable {
    /// The command's words, `{url}` not yet replaced (see `arguments(for:)`).
    public var words: [String]
    /// A text browser that needs the terminal: the dashboard hands it over as to `$EDITOR`.
    public var terminal: Bool

    public init(words: [String], terminal: Bool = false) {
        self.words = words
        self.terminal = terminal
    }

    /// The argument vector for `url`: every `{url}` replaced by it within its word, the URL
    /// appended as one more argument when no word names it. Never read by a shell.
    public func arguments(for url: String) -> [String] {
        var used = false
        var arguments = words.map { word -> String in
            guard word.contains("{url}") else { return word }
            used = true
            return word.replacing("{url}", with: url)
        }
        if !used { arguments.append(url) }
        return arguments
    }
}

/// `[sync]`: values only; the sync command gives them their meaning.
public struct SyncSetting: Sendable, Hashable {
    public var dir: String?
    public var onOpen: Bool?
    public var onQuit: Bool?

    public init(dir: String? = nil, onOpen: Bool? = nil, onQuit: Bool? = nil) {
        self.dir = dir
        self.onOpen = onOpen
        self.onQuit = onQuit
    }
}

/// One `[keys.<view>]` line: `mark_done = "d"` or `mark_done = ["d", "D"]`; `"none"` is passed
/// through as written (it unbinds, for whoever interprets these).
public struct KeySetting: Sendable, Hashable {
    public let view: String
    public let action: String
    public let keys: [String]
    public let place: ConfigPlace

    public init(view: String, action: String, keys: [String], place: ConfigPlace) {
        self.view = view
        self.action = action
        self.keys = keys
        self.place = place
    }
}

/// `[theme]`: `name = "light"` and `role = "colour"` lines, as written.
public struct ThemeSetting: Sendable, Hashable {
    public var name: String?
    public var namePlace: ConfigPlace?
    public var roles: [String: ThemeValue]

    public init(name: String? = nil, namePlace: ConfigPlace? = nil, roles: [String: ThemeValue] = [:]) {
        self.name = name
        self.namePlace = namePlace
        self.roles = roles
    }
}

/// One colour role's value and where it was written.
public struct ThemeValue: Sendable, Hashable {
    public let value: String
    public let place: ConfigPlace

    public init(value: String, place: ConfigPlace) {
        self.value = value
        self.place = place
    }
}
