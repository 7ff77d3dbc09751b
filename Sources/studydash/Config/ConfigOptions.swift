import ArgumentParser
import StudyApp

/// `--config FILE`, shared by every command (it rides along with `--content`, see
/// ContentOptions): which config file to read, and reading it.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The config file. Default: $STUDYDASH_CONFIG, else $XDG_CONFIG_HOME/studydash/config.toml "
            + "(~/.config/studydash/config.toml). Flags win over the environment, which wins over the file.",
        valueName: "file"))
    var file: String?

    var source: ConfigLoader.Source { .locate(flag: file, environment: Environment.value) }

    /// The settings, or a `ConfigError` (exit 2) for a file that is named but missing or wrong.
    func load() throws -> StudyConfig {
        try ConfigLoader.load(source, home: Environment.value("HOME"))
    }
}
