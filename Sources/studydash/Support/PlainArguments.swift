/// A command line split into words, flags and option values the way swift-argument-parser splits
/// the shapes the fast paths take (`DashboardArguments`, `ProgressArguments`), without the parser:
/// each option spelled out (`--db PATH` or `--db=PATH`) with a value that is not empty and does not
/// look like an option, each known flag at most once. What the words and values may be is for the
/// caller to judge; a shape this cannot split is nil, and goes to the parser.
///
/// Arrays, not sets: the dashboard's start reads this, and a set's first use there would cost
/// the runtime a scan of every protocol conformance in the binary.
struct PlainArguments {
    private(set) var words: [String] = []
    private(set) var flags: [String] = []
    private(set) var options: [(name: Substring, value: String)] = []

    /// nil when a flag is given twice or an option's value is missing, empty or looks like an
    /// option. `known` are the flags (options without a value) the caller takes.
    init?(_ arguments: [String], flags known: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                words.append(argument)
                continue
            }
            if known.contains(argument) {
                guard !flags.contains(argument) else { return nil }
                flags.append(argument)
                continue
            }
            let name: Substring, value: String
            if let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                value = String(argument[argument.index(after: equals)...])
            } else {
                guard index < arguments.count else { return nil }
                name = argument[...]
                value = arguments[index]
                index += 1
            }
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            options.append((name, value))
        }
    }

    /// The options every fast path takes, read alike: `--content` (repeated), `--db`, `--config`.
    struct Places {
        private(set) var folders: [String] = []
        private(set) var db: String?
        private(set) var config: String?

        /// Takes one of them; false for any other option, or `--db` / `--config` given twice.
        mutating func take(_ name: Substring, _ value: String) -> Bool {
            switch name {
            case "--content":
                folders.append(value)
            case "--db" where db == nil:
                db = value
            case "--config" where config == nil:
                config = value
            default:
                return false
            }
            return true
        }
    }
}
