/// `$BROWSER` read the way the convention has it: entries separated by `:`, each a command tried
/// in turn; in a command `%s` stands for the URL (without one, the URL is appended) and `%%` for
/// a `%`. Words are split on blanks and may be quoted as a shell word would be (`'…'`, `"…"`,
/// a backslash), so a path with a space can be named, but no shell ever reads the entry: `$`,
/// backticks, `;` and the like are ordinary characters, and the URL is always one argument.
enum BrowserList {
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// The commands in `value`, in order; an empty list when it names none.
    static func parse(_ value: String) -> Result<[BrowserCommand], ParseError> {
        var commands: [BrowserCommand] = []
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var inWord = false  // a word has begun, even one that stays empty ('')
        var quote: Unicode.Scalar?
        var escaped = false

        func endWord() {
            guard inWord else { return }
            words.append(String(word))
            word = String.UnicodeScalarView()
            inWord = false
        }
        func endEntry() {
            endWord()
            if !words.isEmpty { commands.append(BrowserCommand(words: words)) }
            words = []
        }

        for scalar in value.unicodeScalars {
            if escaped {
                // As in sh: within double quotes a backslash escapes only `"` and itself.
                if quote == "\"" && scalar != "\"" && scalar != "\\" { word.append("\\") }
                word.append(scalar)
                escaped = false
                continue
            }
            switch (quote, scalar) {
            case ("'", "'"), ("\"", "\""): quote = nil
            case ("\"", "\\"): escaped = true
            case ("'", _), ("\"", _): word.append(scalar)
            case (_, "'"), (_, "\""): quote = scalar; inWord = true
            case (_, "\\"): escaped = true; inWord = true
            case (_, ":"): endEntry()
            case (_, " "), (_, "\t"), (_, "\n"): endWord()
            default: word.append(scalar); inWord = true
            }
        }
        if let quote { return .failure(ParseError(description: "$BROWSER has an unclosed \(quote) quote")) }
        if escaped { return .failure(ParseError(description: "$BROWSER ends with a lone backslash")) }
        endEntry()
        return .success(commands)
    }
}

/// One entry of `$BROWSER`: its words, `%s` and `%%` not yet replaced.
struct BrowserCommand: Equatable {
    let words: [String]

    /// The argument vector that opens `url`: every `%s` replaced by it, `%%` by `%`, and the URL
    /// appended when no word asked for it.
    func arguments(for url: String) -> [String] {
        var used = false
        var arguments = words.map { word in
            var result = ""
            var percent = false
            for character in word {
                switch (percent, character) {
                case (false, "%"): percent = true
                case (true, "s"): result += url; used = true; percent = false
                case (true, "%"): result += "%"; percent = false
                case (true, _): result += "%" + String(character); percent = false
                default: result.append(character)
                }
            }
            return percent ? result + "%" : result
        }
        if !used { arguments.append(url) }
        return arguments
    }
}

extension BrowserSetting {
    /// The config file's `browser = "…"` split into words as one `$BROWSER` entry is (blanks,
    /// quotes, backslashes), never by a shell; a `:` outside quotes is refused, since here it
    /// would not separate commands.
    public static func words(of command: String) -> Result<[String], BrowserCommandError> {
        let shown = command
        switch BrowserList.parse(command) {
        case .failure(let error):
            return .failure(BrowserCommandError(description: error.description.replacing("$BROWSER", with: "the command")))
        case .success(let commands) where commands.count > 1:
            return .failure(BrowserCommandError(description: "'\(shown)' has a ':' outside quotes; quote it"))
        case .success(let commands):
            return .success(commands.first?.words ?? [])
        }
    }
}

extension BrowserSetting {
    /// The words as `browser = "…"` would say them: a word with a blank, a quote, a backslash
    /// or a `:` in single quotes (a `'` in it as `'\''`), so `words(of:)` reads back the same words.
    public var command: String {
        words.map { word in
            let plain = !word.isEmpty && !word.contains { " \t\n'\"\\:".contains($0) }
            return plain ? word : "'" + word.replacing("'", with: #"'\''"#) + "'"
        }.joined(separator: " ")
    }
}

/// Why a browser command cannot be split into words.
public struct BrowserCommandError: Error, CustomStringConvertible {
    public let description: String
}

/// Whether a browser command would let another program read the URL as a command line: the one
/// check for the config's `browser` ({url}) and `$BROWSER` (%s). The URL comes from a notes
/// folder: inside a word that a shell (`sh -c 'firefox {url}'`) or another program
/// (`xterm -e 'w3m {url}'`) parses, `https://x/;rm${IFS}…` would run. The placeholder as a word of
/// its own is always one argument, even for a shell's `"$1"`.
public enum BrowserHandOff {
    static let shells: Set<String> = ["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "csh", "tcsh", "busybox"]

    /// nil when safe, else the problem, starting with the placeholder ("{url} is inside …").
    public static func problem(_ words: [String], placeholder: String) -> String? {
        let shell = words.first { shells.contains(String($0.split(separator: "/").last ?? "")) }
        for word in words where word.contains(placeholder) && word != placeholder {
            let why = if let shell { "the shell '\(printable(shell))' would run it as a command" }
                else if word.contains(where: \.isWhitespace) { "another program would read it as a command line" }
                else { Optional<String>.none }
            if let why {
                return "\(placeholder) is inside '\(printable(word))', where \(why); give \(placeholder) a word of its own, "
                    + "as in sh -c 'firefox \"$1\"' sh \(placeholder)"
            }
        }
        return nil
    }

    /// Control characters as `?`: the words came from a config file or the environment.
    private static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}

