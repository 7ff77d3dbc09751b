/// Which links the dashboard will hand to a browser, the one check for it: the reducer asks it
/// before saying "opening …", and the opener in StudyApp (`LinkOpener`) asks it again before
/// starting a program, so the two can never disagree. A notes folder is untrusted: only `http`
/// and `https` links with `//` and a host, or `file:` links with a path from the root, and
/// nothing in them that a terminal, a shell or a URL parser could read differently from what
/// the notes show (controls, spaces, invisible formatting, backslashes).
public enum LinkPolicy {
    /// nil when the link may be opened, else why not (for the status bar).
    public static func refusal(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else {
            return "not opening '\(url)': it has no http, https or file scheme"
        }
        if let bad = url.unicodeScalars.first(where: isForbidden) {
            let kind = bad.properties.generalCategory == .control ? "a control character" : "a space or an invisible character"
            return "not opening the link: it contains \(kind)"
        }
        if url.contains("\\") {
            return "not opening '\(url)': a backslash is not part of a link"
        }
        let rest = url[url.index(after: colon)...]
        switch url[..<colon].lowercased() {
        case "http", "https":
            guard rest.hasPrefix("//"), !host(ofAuthority: authority(rest.dropFirst(2))).isEmpty else {
                return "not opening '\(url)': an http link needs // and a host"
            }
        case "file":
            // file:/path, file:///path or file://host/path.
            let path = rest.hasPrefix("//") ? rest.dropFirst(2).drop(while: { $0 != "/" }) : rest
            guard path.hasPrefix("/") else {
                return "not opening '\(url)': a file link needs a path from the root"
            }
        default:
            return "not opening '\(url)': only http, https and file links are opened"
        }
        return nil
    }

    /// C0 and C1 controls and DEL, every kind of space, and format characters (bidi overrides,
    /// zero-width joiners) that would make the link look like something else.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// What follows `//` up to the path, query or fragment.
    static func authority(_ afterSlashes: Substring) -> Substring {
        afterSlashes.prefix(while: { !"/?#".contains($0) })
    }

    /// The authority without `userinfo@` and `:port`; `[…]` (an IPv6 address) kept whole.
    static func host(ofAuthority authority: Substring) -> Substring {
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        if hostAndPort.hasPrefix("["), let close = hostAndPort.firstIndex(of: "]") {
            return hostAndPort[...close]
        }
        return hostAndPort.prefix(while: { $0 != ":" })
    }
}
