import StudyText

/// A small colouring of code blocks, table-driven: for each language of the notes (Python,
/// shell, YAML, JSON, SQL, Dockerfile) its keywords, comment marks and quotes, and one scan of a
/// line that finds keywords, strings, comments and numbers, no more. No Swift library for syntax
/// highlighting is at hand, and a reader only needs code to be easier to scan, not parsed.
struct CodeLanguage: Sendable {
    let keywords: Set<String>
    /// Marks that start a comment running to the line's end, at its start or after a space.
    let lineComments: [String]
    let quotes: Set<Character>
    /// SQL and Dockerfile keywords are written in either case.
    var ignoresCase = false
    /// YAML: a mapping's key (`name:`) is drawn as a keyword.
    var keysBeforeColons = false

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
    /// `line` as spans styled `base` plus the token style each run of it has. One pass, each
    /// character looked at a bounded number of times, so a long block costs its length.
    static func spans(_ line: String, language: CodeLanguage?, base: TextStyle) -> [StyledSpan] {
        guard let language, !line.isEmpty else { return line.isEmpty ? [] : [StyledSpan(line, base)] }
        let characters = Array(line)
        var spans: [StyledSpan] = []
        func add(_ range: Range<Int>, _ token: TextStyle) {
            guard !range.isEmpty else { return }
            let text = String(characters[range])
            let style = base.union(token)
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text += text
            } else {
                spans.append(StyledSpan(text, style))
            }
        }
        // Where a YAML key may start: after the indentation and a list's dashes.
        let keyStart = characters.firstIndex { $0 != " " && $0 != "-" } ?? characters.count
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let atWordStart = index == 0 || characters[index - 1] == " " || characters[index - 1] == "\t"
            if atWordStart, language.lineComments.contains(where: { starts(characters, at: index, with: $0) }) {
                add(index..<characters.count, .codeComment)
                break
            }
            if language.quotes.contains(character) {
                var end = index + 1
                while end < characters.count && characters[end] != character {
                    end += characters[end] == "\\" ? 2 : 1
                }
                end = min(end + 1, characters.count)
                add(index..<end, .codeLiteral)
                index = end
                continue
            }
            if isWordCharacter(character) {
                let isNumber = character.isASCII && character.isNumber
                var end = index + 1
                while end < characters.count && (isWordCharacter(characters[end]) || (isNumber && characters[end] == ".")) {
                    end += 1
                }
                if isNumber {
                    add(index..<end, .codeLiteral)
                } else {
                    let word = String(characters[index..<end])
                    let isKeyword = language.keywords.contains(language.ignoresCase ? word.lowercased() : word)
                        || (language.keysBeforeColons && end < characters.count && characters[end] == ":"
                            && index == keyStart)
                    add(index..<end, isKeyword ? .codeKeyword : [])
                }
                index = end
                continue
            }
            add(index..<(index + 1), [])
            index += 1
        }
        return spans
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character == "_" || character.isLetter || character.isNumber
    }

    static func starts(_ characters: [Character], at index: Int, with mark: String) -> Bool {
        var position = index
        for character in mark {
            guard position < characters.count, characters[position] == character else { return false }
            position += 1
        }
        return true
    }
}
