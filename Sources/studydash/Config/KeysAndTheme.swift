import StudyApp
import StudyTUI
import TermGrid

/// The config's `[keys]` and `[theme]`, checked against the views' tables and the colour roles:
/// the loader passes them on as written, and this is where they get their meaning, for the
/// dashboard and for `studydash config --check` alike.
enum KeysAndTheme {
    static func keymap(_ config: StudyConfig) throws(ConfigError) -> KeyMap {
        let settings = config.keys.map {
            KeyRebinding(view: $0.view, action: $0.action, keys: $0.keys, place: $0.place.description)
        }
        do {
            return try KeyMap.defaults.applying(settings)
        } catch {
            throw ConfigError(error.description)
        }
    }

    static func theme(_ config: StudyConfig) throws(ConfigError) -> Theme {
        // In the order written, so the first mistake in the file is the one reported.
        let roles = config.theme.roles.sorted { ($0.value.place.line, $0.value.place.column) < ($1.value.place.line, $1.value.place.column) }
            .map { (role: $0.key, value: $0.value.value, place: $0.value.place.description) }
        do {
            return try Theme.make(name: config.theme.name, namePlace: config.theme.namePlace?.description, roles: roles)
        } catch {
            throw ConfigError(error.description)
        }
    }

    /// Both, for `config --check`: the first mistake, or nothing.
    static func check(_ config: StudyConfig) throws(ConfigError) {
        _ = try keymap(config)
        _ = try theme(config)
    }
}
