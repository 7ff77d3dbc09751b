/// A config file that cannot be used: one line, `file:line:column: what is wrong`, exit status 2.
/// The dashboard and every command stop on it before doing anything, so that none runs with half
/// a configuration.
struct ConfigError: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) { description = message }

    init(at place: String, _ message: String) { description = "\(place): \(message)" }
}
