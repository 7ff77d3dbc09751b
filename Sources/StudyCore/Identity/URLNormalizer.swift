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
        // Most links are written in normal form already: checked in place, they are handed back
        // as they are, without copying their bytes out and a new string back.
        isNormal(raw) ? raw : rewrite(raw)
    }

    /// True when `rewrite(raw) == raw`: nothing to trim, lower-case, drop or rebuild.
    static func isNormal(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8(isNormal(bytes:))
    }

    /// The full rewrite, byte by byte (`normalize` skips it for links already in normal form).
    static func rewrite(_ raw: String) -> String {
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

    /// The rules of `rewrite`, each asked as "would it change a byte?", in one walk forward.
    private static func isNormal(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0 else { return true }
        if isSpace(bytes[0]) || isSpace(bytes[count - 1]) { return false }
        var colon = 0
        var schemeHasUpper = false
        while colon < count, isSchemeByte(bytes[colon]) {
            schemeHasUpper = schemeHasUpper || isUpper(bytes[colon])
            colon += 1
        }
        // No scheme (no colon, or something else before the first one): only trimmed.
        guard colon > 0, colon < count, bytes[colon] == UInt8(ascii: ":") else { return true }
        if schemeHasUpper { return false }
        let isHTTP = colon == 4 && bytes[0] == UInt8(ascii: "h") && bytes[1] == UInt8(ascii: "t")
            && bytes[2] == UInt8(ascii: "t") && bytes[3] == UInt8(ascii: "p")
        let isHTTPS = colon == 5 && bytes[0] == UInt8(ascii: "h") && bytes[1] == UInt8(ascii: "t")
            && bytes[2] == UInt8(ascii: "t") && bytes[3] == UInt8(ascii: "p") && bytes[4] == UInt8(ascii: "s")

        let restStart = colon + 1
        var hash = count
        var mark: Int?
        for index in restStart..<count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#") { hash = index; break }
            if byte == UInt8(ascii: "?") && mark == nil { mark = index }
        }
        let pathEnd = mark ?? hash

        var pathStart = restStart
        if pathEnd - restStart >= 2 && bytes[restStart] == UInt8(ascii: "/") && bytes[restStart + 1] == UInt8(ascii: "/") {
            let authorityStart = restStart + 2
            var authorityEnd = authorityStart
            var hostStart = authorityStart
            while authorityEnd < pathEnd && bytes[authorityEnd] != UInt8(ascii: "/") {
                if bytes[authorityEnd] == UInt8(ascii: "@") { hostStart = authorityEnd + 1 }
                authorityEnd += 1
            }
            var portColon: Int?
            for index in hostStart..<authorityEnd {
                switch bytes[index] {
                case UInt8(ascii: "]"): portColon = nil  // an IPv6 literal's colons are its own
                case UInt8(ascii: ":"): portColon = index
                default: break
                }
            }
            let hostEnd = portColon ?? authorityEnd
            for index in hostStart..<hostEnd where isUpper(bytes[index]) { return false }
            if let portColon {
                let port = UnsafeBufferPointer(rebasing: bytes[(portColon + 1)..<authorityEnd])
                if port.isEmpty { return false }
                if isHTTP && port.elementsEqual("80".utf8) { return false }
                if isHTTPS && port.elementsEqual("443".utf8) { return false }
            }
            pathStart = authorityEnd
        }
        if pathEnd > pathStart && bytes[pathEnd - 1] == UInt8(ascii: "/") { return false }

        if let mark {
            var parameterStart = mark + 1
            if parameterStart == hash { return false }
            for index in (mark + 1)...hash where index == hash || bytes[index] == UInt8(ascii: "&") {
                let length = index - parameterStart
                if length == 0 { return false }
                if length >= 4 && lower(bytes[parameterStart]) == UInt8(ascii: "u") && lower(bytes[parameterStart + 1]) == UInt8(ascii: "t")
                    && lower(bytes[parameterStart + 2]) == UInt8(ascii: "m") && bytes[parameterStart + 3] == UInt8(ascii: "_") {
                    return false
                }
                parameterStart = index + 1
            }
        }
        if hash < count {
            if hash + 1 == count { return false }
            if count - hash > 3 && bytes[hash + 1] == UInt8(ascii: ":") && bytes[hash + 2] == UInt8(ascii: "~")
                && bytes[hash + 3] == UInt8(ascii: ":") {
                return false
            }
        }
        return true
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

    @inline(__always) private static func isUpper(_ byte: UInt8) -> Bool {
        (65...90).contains(byte)
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
        // Asked of every link while loading: the head is compared where it lies, without an
        // array of it (nor of each scheme) made per call.
        var raw = raw
        return raw.withUTF8 { bytes in
            startsLowerCased(bytes, with: "http://") || startsLowerCased(bytes, with: "https://")
                || startsLowerCased(bytes, with: "file:")
        }
    }

    /// `bytes` opens with `prefix` (lower-case ASCII) when its ASCII letters are lower-cased.
    private static func startsLowerCased(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let head = prefix.utf8Start
        for index in 0..<count where lower(bytes[index]) != head[index] { return false }
        return true
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
