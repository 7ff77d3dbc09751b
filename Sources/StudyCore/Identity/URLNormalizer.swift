import StudyText

/// The normal form of a link, which a resource's identity is derived from.
///
/// Rules: scheme and host lower-cased; default port (80 for http, 443 for https) dropped; a
/// trailing `/` of the path dropped; query parameters named `utm_*` dropped (the rest kept in
/// order); a text fragment (`#:~:text=…`) dropped, other fragments kept; surrounding white space
/// trimmed. Everything else is kept byte for byte: two links that differ there are two resources.
/// Works on UTF-8 bytes: it runs once per link, and notes folders hold hundreds of thousands.
public enum URLNormalizer {
    public static func normalize(_ raw: String) -> String {
        var input = Array(raw.utf8)
        while let last = input.last, isSpace(last) { input.removeLast() }
        var start = 0
        while start < input.count, isSpace(input[start]) { start += 1 }
        let text = input[start...]

        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), colon > text.startIndex,
              text[text.startIndex..<colon].allSatisfy(isSchemeByte)
        else { return String(decoding: text, as: UTF8.self) }

        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        out.append(contentsOf: text[text.startIndex..<colon].map(lower))
        let scheme = String(decoding: out, as: UTF8.self)
        out.append(UInt8(ascii: ":"))

        var rest = text[(colon + 1)...]
        var fragment: ArraySlice<UInt8>?
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[(hash + 1)...]
            rest = rest[..<hash]
        }
        var query: ArraySlice<UInt8>?
        if let mark = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[(mark + 1)...]
            rest = rest[..<mark]
        }

        var path = rest
        if path.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            path = path.dropFirst(2)
            let authorityEnd = path.firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
            out.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: "/")])
            appendAuthority(path[path.startIndex..<authorityEnd], scheme: scheme, to: &out)
            path = path[authorityEnd...]
        }
        while path.count > 1 && path.last == UInt8(ascii: "/") { path = path.dropLast() }
        if path.count == 1 && path.first == UInt8(ascii: "/") { path = [] }
        out.append(contentsOf: path)

        if let query {
            var first = true
            for parameter in query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
                if parameter.count >= 4 && parameter.prefix(4).map(lower) == Array("utm_".utf8) { continue }
                out.append(first ? UInt8(ascii: "?") : UInt8(ascii: "&"))
                out.append(contentsOf: parameter)
                first = false
            }
        }
        if let fragment, !fragment.isEmpty, !fragment.starts(with: Array(":~:".utf8)) {
            out.append(UInt8(ascii: "#"))
            out.append(contentsOf: fragment)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendAuthority(_ authority: ArraySlice<UInt8>, scheme: String, to out: inout [UInt8]) {
        var hostPort = authority
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            out.append(contentsOf: authority[...at])
            hostPort = authority[(at + 1)...]
        }
        var host = hostPort
        var port: ArraySlice<UInt8> = []
        // An IPv6 literal holds colons of its own: the port comes after its closing bracket.
        let searchFrom = hostPort.lastIndex(of: UInt8(ascii: "]")) ?? hostPort.startIndex
        if let colon = hostPort[searchFrom...].lastIndex(of: UInt8(ascii: ":")) {
            host = hostPort[hostPort.startIndex..<colon]
            port = hostPort[(colon + 1)...]
        }
        out.append(contentsOf: host.map(lower))
        let portText = String(decoding: port, as: UTF8.self)
        let isDefault = port.isEmpty || (scheme == "http" && portText == "80") || (scheme == "https" && portText == "443")
        if !isDefault {
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: port)
        }
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte + 32 : byte
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || (9...13).contains(byte)
    }

    @inline(__always) private static func isSchemeByte(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// True for the schemes a resource may have: `http`, `https` and `file`.
    public static func isResourceLink(_ raw: String) -> Bool {
        let head = raw.utf8.prefix(8).map(lower)
        return head.starts(with: Array("http://".utf8)) || head.starts(with: Array("https://".utf8))
            || head.starts(with: Array("file:".utf8))
    }

    /// The link as a title: without scheme and without a trailing slash.
    public static func displayTitle(_ raw: String) -> String {
        var text = Substring(raw.trimmingWhitespace())
        // Asked of every link's text while loading: bytes compared, no String made for the head,
        // and no count of the whole link's characters for each trailing slash.
        let head = text.utf8.prefix(8).map(lower)
        for prefix in ["https://", "http://", "file://", "file:"] where head.starts(with: prefix.utf8) {
            text = text.dropFirst(prefix.count)
            break
        }
        while text.hasSuffix("/"), text.index(before: text.endIndex) != text.startIndex {
            text = text[..<text.index(before: text.endIndex)]
        }
        return String(text)
    }
}
