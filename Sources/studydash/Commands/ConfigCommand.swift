import ArgumentParser
import StudyApp
import StudyCore

/// `studydash config`: the settings in effect and where each came from; `--default` prints a
/// commented config file, `--check` only validates.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the settings in effect and where each came from, or check the config file.",
        discussion: """
            The config file is --config FILE, else $STUDYDASH_CONFIG, else \
            $XDG_CONFIG_HOME/studydash/config.toml (~/.config/studydash/config.toml); only that last \
            one may be missing. Precedence: flags > environment > config file > defaults. Relative \
            paths in the file are taken from its folder. `studydash config --default > FILE` writes a \
            commented file with every setting.

            Exit status: 0 success; 2 a config file that is missing (when named), unreadable or wrong, \
            with file:line:column.

            Examples:
              studydash config
              studydash config --default > ~/.config/studydash/config.toml
              studydash --config ./study.toml config --check
            """)

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print a commented config file with every setting at its default.")
    var `default` = false

    @Flag(help: "Only check the config file: nothing printed but an error (exit 2) or `ok`.")
    var check = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            if `default` {
                Output.write(DefaultConfigFile.text)
                return
            }
            let config = try content.config.load()
            let effective = EffectiveConfig(content: content, store: store, config: config)
            if check {
                // The keys and colours as the dashboard will read them, not only as TOML.
                try KeysAndTheme.check(config)
                Output.write("ok: \(Output.safe(effective.source.path))\(effective.found ? "" : " (none; the defaults apply)")\n")
                return
            }
            Output.write(json ? Self.json(effective) : Array(Self.text(effective).utf8))
        }
    }

    static func text(_ effective: EffectiveConfig) -> String {
        let state = effective.found ? "" : " (not found; the defaults apply)"
        var lines = ["config file  \(Output.safe(effective.source.path))\(state)  [\(effective.fileFrom)]"]
        let width = effective.entries.map { $0.name.count }.max() ?? 0
        for entry in effective.entries {
            lines.append("\(entry.name.padded(toColumns: width))  \(Output.safe(entry.value))  [\(Output.safe(entry.from))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ effective: EffectiveConfig) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.beginObject("file")
        writer.value("path", effective.source.path)
        writer.value("from", effective.fileFrom)
        writer.value("found", effective.found)
        writer.endObject()
        writer.beginArray("settings")
        for entry in effective.entries {
            writer.beginObject()
            writer.value("name", entry.name)
            writer.value("value", entry.value)
            writer.value("from", entry.from)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes + [UInt8(ascii: "\n")]
    }
}
