import StudyApp

/// Every setting in effect and where it came from (`flag`, `env NAME`, `file:line:column`,
/// `default`), in the order `studydash config` prints them. Precedence: flags > environment >
/// config file > defaults.
struct EffectiveConfig {
    struct Entry {
        let name: String
        let value: String
        let from: String
    }

    let source: ConfigLoader.Source
    let found: Bool
    let entries: [Entry]

    init(content: ContentOptions, store: StoreOptions, config: StudyConfig) {
        source = content.config.source
        found = config.file != nil
        var entries: [Entry] = []
        func fromFile(_ key: String) -> String { config.places[key].map { "file \($0)" } ?? "default" }

        let folders = (try? content.resolvedFolders()) ?? []
        let contentFrom: String = if !content.folders.isEmpty { "flag --content" }
            else if !(Environment.value("STUDYDASH_CONTENT") ?? "").isEmpty { "env STUDYDASH_CONTENT" }
            else if config.content?.isEmpty == false { fromFile("content") }
            else { "default (the bundled Content/)" }
        entries.append(Entry(name: "content", value: folders.joined(separator: ", "), from: contentFrom))

        let dbFrom: String = if store.path != nil { "flag --db" }
            else if !(Environment.value("STUDYDASH_DB") ?? "").isEmpty { "env STUDYDASH_DB" }
            else if config.db != nil { fromFile("db") }
            else { "default" }
        entries.append(Entry(name: "db", value: store.resolvedPath(config: config), from: dbFrom))

        entries.append(Entry(name: "tree_width", value: (config.treeWidth ?? .standard).description, from: fromFile("tree_width")))
        entries.append(Entry(name: "confirm_bulk", value: String(config.confirmBulk ?? StudyConfig.standardConfirmBulk),
                             from: fromFile("confirm_bulk")))
        entries.append(Entry(name: "mouse", value: String(config.mouse ?? false), from: fromFile("mouse")))
        entries.append(Entry(name: "hyperlinks", value: (config.hyperlinks ?? .auto).rawValue, from: fromFile("hyperlinks")))

        let browserEnvironment = Environment.value("BROWSER") ?? ""
        if !browserEnvironment.isEmpty {
            entries.append(Entry(name: "browser", value: browserEnvironment, from: "env BROWSER"))
        } else if let browser = config.browser {
            entries.append(Entry(name: "browser", value: browser.command, from: fromFile("browser")))
            entries.append(Entry(name: "browser.terminal", value: String(browser.terminal), from: fromFile("browser")))
        } else {
            entries.append(Entry(name: "browser", value: LinkOpener.platformOpener, from: "default"))
        }

        entries.append(Entry(name: "sync.dir", value: config.sync.dir ?? "(none)", from: fromFile("sync.dir")))
        entries.append(Entry(name: "sync.on_open", value: String(config.sync.onOpen ?? false), from: fromFile("sync.on_open")))
        entries.append(Entry(name: "sync.on_quit", value: String(config.sync.onQuit ?? false), from: fromFile("sync.on_quit")))
        for key in config.keys {
            entries.append(Entry(name: "keys.\(key.view).\(key.action)", value: key.keys.joined(separator: ", "),
                                 from: "file \(key.place)"))
        }
        if let name = config.theme.name {
            entries.append(Entry(name: "theme.name", value: name, from: config.theme.namePlace.map { "file \($0)" } ?? "file"))
        }
        for (role, value) in config.theme.roles.sorted(by: { $0.key < $1.key }) {
            entries.append(Entry(name: "theme.\(role)", value: value.value, from: "file \(value.place)"))
        }
        self.entries = entries
    }

    var fileFrom: String {
        switch source.origin {
        case .flag: "flag --config"
        case .environment: "env STUDYDASH_CONFIG"
        case .standard: "default"
        }
    }
}
