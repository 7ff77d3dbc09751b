import StudyText

/// A small colouring of code blocks, table-driven: for each language of the notes (Python,
/// shell, YAML, JSON, SQL, Dockerfile) its keywords, comment marks and quotes, and one scan of a
/// line that finds keywords, strings, comments and numbers, no more. No Swift library for syntax
/// highlighting is at hand, and a reader only needs code to be easier to scan, not parsed.
struct CodeLanguage: Sendable {
    let keywords: Set<String>
    /// SQL and Dockerfile keywords are written in either case.
    let ignoresCase: Bool
    /// YAML: a mapping's key (`name:`) is drawn as a keyword.
    let keysBeforeColons: Bool
    /// Marks that start a comment running to the line's end (at its start or after a space),
    /// and the quotes of strings, as UTF-8: the scan reads bytes (they are all ASCII).
    let commentBytes: [[UInt8]]
    let quoteBytes: Set<UInt8>

    init(keywords: Set<String>, lineComments: [String], quotes: Set<Character>, ignoresCase: Bool = false,
         keysBeforeColons: Bool = false) {
        self.keywords = keywords
        self.ignoresCase = ignoresCase
        self.keysBeforeColons = keysBeforeColons
        commentBytes = lineComments.map { Array($0.utf8) }
        quoteBytes = Set(quotes.compactMap(\.asciiValue))
    }

    /// The language a fence's info string names (`python`, `sh`, `yml` …), if colouring knows it.
    static func named(_ name: String) -> CodeLanguage? {
        switch name.lowercased() {
        case "python", "py", "python3", "ipython", "pycon": python
        case "bash", "sh", "shell", "zsh", "console", "shell-session", "shellsession": shell
        case "yaml", "yml": yaml
        case "json", "jsonc", "json5": json
        case "sql", "postgresql", "postgres", "mysql", "sqlite", "plsql": sql
        case "dockerfile", "docker", "containerfile": dockerfile
        default: nil
        }
    }

    static let python = CodeLanguage(keywords: [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "match", "case", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
        "yield", "self",
    ], lineComments: ["#"], quotes: ["\"", "'"])

    static let shell = CodeLanguage(keywords: [
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in",
        "function", "return", "export", "local", "readonly", "set", "unset", "source", "exit", "echo", "cd",
        "sudo",
    ], lineComments: ["#"], quotes: ["\"", "'"])

    static let yaml = CodeLanguage(keywords: ["true", "false", "null", "yes", "no", "on", "off"],
                                   lineComments: ["#"], quotes: ["\"", "'"], keysBeforeColons: true)

    static let json = CodeLanguage(keywords: ["true", "false", "null"], lineComments: [], quotes: ["\""])

    static let sql = CodeLanguage(keywords: [
        "select", "from", "where", "and", "or", "not", "in", "is", "null", "as", "join", "inner", "left",
        "right", "outer", "full", "cross", "on", "group", "by", "order", "having", "limit", "offset", "union",
        "all", "distinct", "insert", "into", "values", "update", "set", "delete", "create", "table", "index",
        "view", "drop", "alter", "add", "primary", "key", "foreign", "references", "unique", "default", "with",
        "case", "when", "then", "else", "end", "exists", "between", "like", "asc", "desc", "count", "sum",
        "avg", "min", "max", "integer", "int", "text", "varchar", "boolean", "real", "over", "partition",
        "begin", "commit", "rollback", "true", "false",
    ], lineComments: ["--"], quotes: ["'", "\""], ignoresCase: true)

    static let dockerfile = CodeLanguage(keywords: [
        "from", "run", "cmd", "copy", "add", "env", "arg", "workdir", "expose", "entrypoint", "label", "user",
        "volume", "as", "healthcheck", "shell", "onbuild", "stopsignal", "maintainer",
    ], lineComments: ["#"], quotes: ["\"", "'"], ignoresCase: true)
}

enum SyntaxColouring {
    /// `line` as spans styled `base` plus the token style each run of it has. One pass over its
    /// UTF-8 bytes, each looked at a bounded number of times, so a long block costs its length.
    /// Every mark is ASCII and every byte of a non-ASCII character counts as a word's, so a token
    /// never starts or ends inside a character.
    static func spans(_ line: String, language: CodeLanguage?, base: TextStyle) -> [StyledSpan] {
        guard let language, !line.isEmpty else { return line.isEmpty ? [] : [StyledSpan(line, base)] }
        let bytes = Array(line.utf8)
        var spans: [StyledSpan] = []
        var plainFrom = 0
        func add(_ range: Range<Int>, _ token: TextStyle) {
            if plainFrom < range.lowerBound { append(plainFrom..<range.lowerBound, base) }
            append(range, base.union(token))
            plainFrom = range.upperBound
        }
        func append(_ range: Range<Int>, _ style: TextStyle) {
            let text = String(decoding: bytes[range], as: UTF8.self)
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text += text
            } else {
                spans.append(StyledSpan(text, style))
            }
        }
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), dash = UInt8(ascii: "-")
        // Where a YAML key may start: after the indentation and a list's dashes.
        let keyStart = bytes.firstIndex { $0 != space && $0 != dash } ?? bytes.count
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let atWordStart = index == 0 || bytes[index - 1] == space || bytes[index - 1] == tab
            if atWordStart, language.commentBytes.contains(where: { starts(bytes, at: index, with: $0) }) {
                add(index..<bytes.count, .codeComment)
                break
            }
            if language.quoteBytes.contains(byte) {
                var end = index + 1
                while end < bytes.count && bytes[end] != byte {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                end = min(end + 1, bytes.count)
                add(index..<end, .codeLiteral)
                index = end
                continue
            }
            if isWordByte(byte) {
                let isNumber = isDigit(byte)
                var end = index + 1
                while end < bytes.count && (isWordByte(bytes[end]) || (isNumber && bytes[end] == UInt8(ascii: "."))) {
                    end += 1
                }
                if isNumber {
                    add(index..<end, .codeLiteral)
                } else {
                    let word = String(decoding: bytes[index..<end], as: UTF8.self)
                    let isKeyword = language.keywords.contains(language.ignoresCase ? word.lowercased() : word)
                        || (language.keysBeforeColons && index == keyStart && end < bytes.count
                            && bytes[end] == UInt8(ascii: ":"))
                    if isKeyword { add(index..<end, .codeKeyword) }
                }
                index = end
                continue
            }
            index += 1
        }
        if plainFrom < bytes.count { append(plainFrom..<bytes.count, base) }
        return spans
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Letters, digits, `_`, and every byte of a non-ASCII character (letters in other scripts).
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || isDigit(byte)
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    static func starts(_ bytes: [UInt8], at index: Int, with mark: [UInt8]) -> Bool {
        guard !mark.isEmpty, index + mark.count <= bytes.count else { return false }
        return bytes[index..<(index + mark.count)].elementsEqual(mark)
    }
}
