#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import StudyApp
import TOMLKit

/// Reads `config.toml` into a `StudyConfig`: the only code that sees a TOML library type. Every
/// setting is checked here (an unknown name or a wrong type is an error with its place), except
/// what `[keys.<view>]` and `[theme]` mean, which is passed on as written for the dashboard to
/// check. Relative paths (`content`, `db`, `sync.dir`) are taken from the config file's folder,
/// so that a config file works whatever folder the command is typed in; `~/` is the home folder.
enum ConfigLoader {
    /// Where the config file is looked for: `--config FILE`, else `$STUDYDASH_CONFIG`, else
    /// `$XDG_CONFIG_HOME/studydash/config.toml` (`~/.config/studydash/config.toml`).
    struct Source: Equatable {
        enum Origin: String { case flag, environment, standard }
        let path: String
        let origin: Origin

        /// Only the standard place may be missing; a file that was named must exist.
        var mayBeMissing: Bool { origin == .standard }

        static func locate(flag: String?, environment: (String) -> String?) -> Source {
            if let flag { return Source(path: flag, origin: .flag) }
            if let named = environment("STUDYDASH_CONFIG"), !named.isEmpty {
                return Source(path: named, origin: .environment)
            }
            let home = environment("HOME") ?? ""
            let base = environment("XDG_CONFIG_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
            return Source(path: base + "/studydash/config.toml", origin: .standard)
        }
    }

    /// Far above any real config; a bigger file is a mistake, not worth seconds of parsing.
    static let maxBytes = 1 << 20

    static func load(_ source: Source, home: String?) throws(ConfigError) -> StudyConfig {
        // `--config /dev/null` is how other tools are told "no config file" (a device reads as nothing here).
        if source.path == "/dev/null" { return try parse("", file: source.path, home: home) }
        // One stat(2) answers "is it there, is it a folder, how big". FileManager's attributes
        // come as a dictionary whose first use scans every conformance record of this static
        // binary (about 0.4 M instructions, before the dashboard's first screen).
        var info = stat()
        let exists = stat(source.path, &info) == 0
        if !exists && source.mayBeMissing { return .empty }
        if exists && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > maxBytes {
            throw ConfigError(at: "\(source.path):1:1", "the config file is larger than 1 MB (\(info.st_size) bytes); is it the right file?")
        }
        guard exists, let data = FileManager.default.contents(atPath: source.path) else {
            let named = source.origin == .flag ? "--config" : source.origin == .environment ? "STUDYDASH_CONFIG" : "the config file"
            let isFolder = exists && (info.st_mode & S_IFMT) == S_IFDIR
            throw ConfigError(exists ? "\(named) \(source.path) cannot be read\(isFolder ? " (it is a folder)" : "")"
                                     : "\(named) \(source.path) does not exist")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(at: "\(source.path):1:1", "the config file is not UTF-8 text")
        }
        // The parser reads a C string: it would stop at a NUL and ignore the rest of the file.
        if let nul = data.firstIndex(of: 0) {
            let before = data[data.startIndex..<nul]
            let line = before.count { $0 == UInt8(ascii: "\n") } + 1
            let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 - before.startIndex + 1 } ?? 0) + 1
            throw ConfigError(at: "\(source.path):\(line):\(column)", "the config file holds a NUL byte, which TOML does not allow")
        }
        return try parse(text, file: source.path, home: home)
    }

    static func parse(_ text: String, file: String, home: String?) throws(ConfigError) -> StudyConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let at = error.source.begin
            throw ConfigError(at: "\(file):\(at.line):\(at.column)", error.description.controlFree)
        } catch {
            throw ConfigError(at: "\(file):1:1", "cannot read the config file")
        }
        var folder = (file as NSString).deletingLastPathComponent
        if !file.hasPrefix("/") {
            let current = FileManager.default.currentDirectoryPath
            folder = folder.isEmpty ? current : current + "/" + folder
        }
        var reader = Reader(file: file, places: ConfigPlaces(text: text), folder: folder, home: home)
        return try reader.config(from: table)
    }
}

/// One pass over the parsed table, knowing where each key was written.
private struct Reader {
    let file: String
    let places: ConfigPlaces
    let folder: String
    let home: String?
    var config = StudyConfig.empty

    init(file: String, places: ConfigPlaces, folder: String, home: String?) {
        self.file = file
        self.places = places
        self.folder = folder
        self.home = home
        config.file = file
    }

    mutating func config(from table: TOMLTable) throws(ConfigError) -> StudyConfig {
        for key in table.keys.sorted(by: byLine) {
            guard let value = table[key] else { continue }
            try read(key, value)
        }
        return config
    }

    private mutating func read(_ key: String, _ value: TOMLValueConvertible) throws(ConfigError) {
        switch key {
        case "content":
            let folders: [String]
            if let one = value.string { folders = [one] } else { folders = try strings(value, key, "a list of folders") }
            config.content = try folders.map { folder throws(ConfigError) in try path(folder, key) }
        case "db":
            config.db = try path(try string(value, key, "a path"), key)
        case "tree_width":
            config.treeWidth = try treeWidth(value)
        case "confirm_bulk":
            guard let count = value.int, count >= 0 else {
                throw wrong(key, "a number of resources (0 or more)", value)
            }
            config.confirmBulk = count
        case "mouse":
            config.mouse = try bool(value, key)
        case "hyperlinks":
            let word = try string(value, key, "\"auto\", \"on\" or \"off\"")
            guard let choice = Hyperlinks(rawValue: word) else {
                throw ConfigError(at: place(key), "hyperlinks must be \"auto\", \"on\" or \"off\", not \"\(word.controlFree)\"")
            }
            config.hyperlinks = choice
        case "browser":
            config.browser = try browser(value)
        case "sync":
            let section = try table(value, key)
            for name in section.keys {
                guard let item = section[name] else { continue }
                config.places["sync." + name] = placeValue("sync." + name)
                switch name {
                case "dir": config.sync.dir = try path(try string(item, "sync.dir", "a folder"), "sync.dir")
                case "on_open": config.sync.onOpen = try bool(item, "sync.on_open")
                case "on_quit": config.sync.onQuit = try bool(item, "sync.on_quit")
                default: throw unknown("sync." + name, known: "dir, on_open, on_quit")
                }
            }
        case "keys":
            try keys(try table(value, key))
        case "theme":
            try theme(try table(value, key))
        default:
            throw unknown(key, known: "content, db, tree_width, confirm_bulk, mouse, hyperlinks, browser, [sync], [keys.VIEW], [theme]")
        }
        config.places[key] = placeValue(key)
    }

    // MARK: settings with a shape of their own

    private func treeWidth(_ value: TOMLValueConvertible) throws(ConfigError) -> TreeWidth {
        let key = "tree_width"
        let expected = "a percentage like \"40%\" or a number of columns like 50"
        if let columns = value.int {
            guard TreeWidth.columnRange.contains(columns) else {
                throw ConfigError(at: place(key), "tree_width of \(columns) columns is outside \(TreeWidth.columnRange.lowerBound)…\(TreeWidth.columnRange.upperBound)")
            }
            return .columns(columns)
        }
        guard let text = value.string else { throw wrong(key, expected, value) }
        guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else {
            throw ConfigError(at: place(key), "tree_width must be \(expected), not \"\(text.controlFree)\"")
        }
        guard TreeWidth.percentRange.contains(percent) else {
            throw ConfigError(at: place(key), "tree_width of \(percent)% is outside \(TreeWidth.percentRange.lowerBound)%…\(TreeWidth.percentRange.upperBound)%")
        }
        return .percent(percent)
    }

    /// `browser = "firefox {url}"`, or `[browser]` with `command` and `terminal`.
    private func browser(_ value: TOMLValueConvertible) throws(ConfigError) -> BrowserSetting {
        var command: String
        var terminal = false
        if let text = value.string {
            command = text
        } else if let section = value.table {
            guard let given = section["command"] else {
                throw ConfigError(at: place("browser"), "[browser] needs command = \"PROGRAM {url}\"")
            }
            command = try string(given, "browser.command", "a command like \"w3m {url}\"")
            for name in section.keys where name != "command" {
                guard name == "terminal", let item = section[name] else {
                    throw unknown("browser." + name, known: "command, terminal")
                }
                terminal = try bool(item, "browser.terminal")
            }
        } else {
            throw wrong("browser", "a command like \"firefox {url}\" or a [browser] table", value)
        }
        let words: [String]
        switch BrowserSetting.words(of: command) {
        case .success(let split): words = split
        case .failure(let problem): throw ConfigError(at: place("browser"), "browser: \(problem)")
        }
        guard !words.isEmpty else { throw ConfigError(at: place("browser"), "browser names no program") }
        if let problem = BrowserHandOff.problem(words, placeholder: "{url}") { throw ConfigError(at: place("browser"), "browser: \(problem)") }
        return BrowserSetting(words: words, terminal: terminal)
    }

    /// `[keys.<view>] action = "k"` or `= ["k", "K"]`, passed on unchecked.
    private mutating func keys(_ section: TOMLTable) throws(ConfigError) {
        var found: [KeySetting] = []
        for view in section.keys {
            guard let actions = section[view]?.table else {
                throw ConfigError(at: place("keys." + view), "keys.\(view.controlFree) must be a table of actions, as [keys.\(view.controlFree)] then mark_done = \"d\"")
            }
            for action in actions.keys {
                guard let value = actions[action] else { continue }
                let key = "keys.\(view).\(action)"
                let keys: [String]
                if let one = value.string { keys = [one] } else { keys = try strings(value, key, "a key or a list of keys") }
                found.append(KeySetting(view: view, action: action, keys: keys, place: placeValue(key)))
            }
        }
        config.keys = found.sorted { ($0.place.line, $0.place.column) < ($1.place.line, $1.place.column) }
    }

    /// `[theme] name = "light"` and `role = "colour"` (a name, `#rrggbb`, or a 256-colour number).
    private mutating func theme(_ section: TOMLTable) throws(ConfigError) {
        for role in section.keys {
            guard let value = section[role] else { continue }
            let key = "theme." + role
            if role == "name" {
                config.theme.name = try string(value, key, "a theme's name")
                config.theme.namePlace = placeValue(key)
            } else if let number = value.int {
                config.theme.roles[role] = ThemeValue(value: String(number), place: placeValue(key))
            } else {
                config.theme.roles[role] = ThemeValue(value: try string(value, key, "a colour"), place: placeValue(key))
            }
        }
    }

    // MARK: values of one type

    private func string(_ value: TOMLValueConvertible, _ key: String, _ expected: String) throws(ConfigError) -> String {
        guard let text = value.string else { throw wrong(key, expected, value) }
        return text
    }

    private func bool(_ value: TOMLValueConvertible, _ key: String) throws(ConfigError) -> Bool {
        guard let flag = value.bool else { throw wrong(key, "true or false", value) }
        return flag
    }

    private func strings(_ value: TOMLValueConvertible, _ key: String, _ expected: String) throws(ConfigError) -> [String] {
        guard let array = value.array else { throw wrong(key, expected, value) }
        var texts: [String] = []
        for element in array {
            guard let text = element.string else { throw wrong(key, expected + " (strings)", value) }
            texts.append(text)
        }
        return texts
    }

    private func table(_ value: TOMLValueConvertible, _ key: String) throws(ConfigError) -> TOMLTable {
        guard let table = value.table else { throw wrong(key, "a table, as [\(key)]", value) }
        return table
    }

    /// A path as written, `~/` from the home folder, a relative one from the config file's folder.
    private func path(_ text: String, _ key: String) throws(ConfigError) -> String {
        guard !text.isEmpty else { throw ConfigError(at: place(key), "\(key) is an empty path") }
        if text == "~" || text.hasPrefix("~/") {
            guard let home, !home.isEmpty else {
                throw ConfigError(at: place(key), "\(key) starts with ~ but HOME is not set")
            }
            return home + text.dropFirst()
        }
        if text.hasPrefix("/") { return text }
        return folder.isEmpty ? text : folder + "/" + text
    }

    // MARK: errors and places

    private func wrong(_ key: String, _ expected: String, _ value: TOMLValueConvertible) -> ConfigError {
        ConfigError(at: place(key), "\(key) must be \(expected), not \(Self.article(value.type))")
    }

    private func unknown(_ key: String, known: String) -> ConfigError {
        ConfigError(at: place(key), "unknown setting '\(key.controlFree)' (the settings are \(known))")
    }

    private static func article(_ type: TOMLType) -> String {
        switch type {
        case .table: "a table"
        case .array: "a list"
        case .string: "a string"
        case .int: "a whole number"
        case .double: "a decimal number"
        case .bool: "true or false"
        case .date, .time, .dateTime: "a date or time"
        }
    }

    private func place(_ key: String) -> String { placeValue(key).description }

    private func placeValue(_ key: String) -> ConfigPlace { places.place(of: key, in: file) }

    private func byLine(_ left: String, _ right: String) -> Bool {
        (places.line(of: left) ?? 0, left) < (places.line(of: right) ?? 0, right)
    }
}

extension String {
    /// Text from a config file, safe to print: control characters shown as `?`.
    var controlFree: String {
        String(unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) ? "?" : Character($0) })
    }
}
