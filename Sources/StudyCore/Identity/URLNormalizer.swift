/// The normal form of a link, which a resource's identity is derived from.
///
/// Rules: scheme and host lower-cased; default port (80 for http, 443 for https) dropped; a
/// trailing `/` of the path dropped; query parameters named `utm_*` dropped (the rest kept in
/// order); a text fragment (`#:~:text=…`) dropped, other fragments kept; surrounding white space
/// trimmed. Everything else is kept byte for byte: two links that differ there are two resources.
public enum URLNormalizer {
    public static func normalize(_ raw: String) -> String {
        var rest = Substring(raw.trimmingWhitespace())
        guard let colon = rest.firstIndex(of: ":"),
              rest[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
              !rest[..<colon].isEmpty
        else { return String(rest) }
        let scheme = rest[..<colon].lowercased()
        rest = rest[rest.index(after: colon)...]

        var fragment: Substring?
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }

        var result = scheme + ":"
        var path = rest
        if path.hasPrefix("//") {
            path = path.dropFirst(2)
            let authorityEnd = path.firstIndex(of: "/") ?? path.endIndex
            result += "//" + normalizeAuthority(path[..<authorityEnd], scheme: scheme)
            path = path[authorityEnd...]
        }
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        if path == "/" { path = "" }
        result += path

        if let query {
            let kept = query.split(separator: "&", omittingEmptySubsequences: true).filter {
                !$0.lowercased().hasPrefix("utm_")
            }
            if !kept.isEmpty { result += "?" + kept.joined(separator: "&") }
        }
        if let fragment, !fragment.isEmpty, !fragment.hasPrefix(":~:") {
            result += "#" + fragment
        }
        return result
    }

    private static func normalizeAuthority(_ authority: Substring, scheme: String) -> String {
        var userInfo = ""
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[...at])
            hostPort = authority[authority.index(after: at)...]
        }
        var host = hostPort
        var port: Substring = ""
        // An IPv6 literal holds colons of its own: the port comes after its closing bracket.
        let searchFrom = hostPort.lastIndex(of: "]") ?? hostPort.startIndex
        if let colon = hostPort[searchFrom...].lastIndex(of: ":") {
            host = hostPort[..<colon]
            port = hostPort[hostPort.index(after: colon)...]
        }
        let isDefaultPort = port.isEmpty || (scheme == "http" && port == "80") || (scheme == "https" && port == "443")
        return userInfo + host.lowercased() + (isDefaultPort ? "" : ":" + port)
    }

    /// True for the schemes a resource may have: `http`, `https` and `file`.
    public static func isResourceLink(_ raw: String) -> Bool {
        let lower = raw.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file:")
    }

    /// The link as a title: without scheme and without a trailing slash.
    public static func displayTitle(_ raw: String) -> String {
        var text = Substring(raw.trimmingWhitespace())
        for prefix in ["https://", "http://", "file://", "file:"] where text.lowercased().hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            break
        }
        while text.count > 1 && text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
