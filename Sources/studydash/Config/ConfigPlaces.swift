import StudyApp

/// Where each key of a TOML file was written. TOMLKit reports a place only for a syntax error,
/// not for the values it parsed, so a setting's place is found by a small scan of the text: table
/// headers (`[keys.browser]`) and `key = …` lines, outside multi-line strings and arrays. A key
/// set inside an inline table (`browser = { command = … }`) gets the place of the line that
/// opens it; anything not found falls back to the nearest enclosing key, else line 1.
struct ConfigPlaces {
    private var places: [String: (line: Int, column: Int)] = [:]

    init(text: String) {
        var table: [String] = []
        var openBrackets = 0  // inside a multi-line array
        var inLongString: String?  // `"""` or `'''`
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            if let delimiter = inLongString {
                if Self.count(delimiter, in: line) % 2 == 1 { inLongString = nil }
                continue
            }
            if openBrackets > 0 {
                openBrackets += Self.bracketBalance(line)
                continue
            }
            let column = line.prefix { $0 == " " || $0 == "\t" }.count + 1
            let body = line.drop { $0 == " " || $0 == "\t" }
            if body.isEmpty || body.hasPrefix("#") { continue }
            if body.hasPrefix("[") {
                let inside = body.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.dottedKey(String(inside))
                places[table.joined(separator: ".")] = (index + 1, column)
                continue
            }
            guard let equals = body.firstIndex(of: "=") else { continue }
            let key = table + Self.dottedKey(String(body[..<equals]))
            places[key.joined(separator: ".")] = (index + 1, column)
            let value = String(body[body.index(after: equals)...])
            for delimiter in ["\"\"\"", "'''"] where Self.count(delimiter, in: value) % 2 == 1 {
                inLongString = delimiter
            }
            if inLongString == nil { openBrackets = max(0, Self.bracketBalance(value)) }
        }
    }

    /// The place of `key` (dotted, as `sync.dir`), else of the nearest enclosing key, else 1:1.
    func place(of key: String, in file: String) -> ConfigPlace {
        var parts = key.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if let found = places[parts.joined(separator: ".")] {
                return ConfigPlace(file: file, line: found.line, column: found.column)
            }
            parts.removeLast()
        }
        return ConfigPlace(file: file, line: 1, column: 1)
    }

    func line(of key: String) -> Int? { places[key]?.line }

    /// `a . "b.c"` → ["a", "b.c"].
    private static func dottedKey(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingBlanks)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingBlanks)
        return parts
    }

    /// `[` minus `]` outside strings and comments: how many arrays the line leaves open.
    private static func bracketBalance(_ line: String) -> Int {
        var balance = 0
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            } else if character == "[" {
                balance += 1
            } else if character == "]" {
                balance -= 1
            }
        }
        return balance
    }

    private static func count(_ needle: String, in text: String) -> Int {
        text.split(separator: needle, omittingEmptySubsequences: false).count - 1
    }
}

private extension String {
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
