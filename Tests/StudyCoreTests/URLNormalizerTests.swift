import Testing
@testable import StudyCore

@Suite struct URLNormalizerTests {
    @Test(arguments: [
        ("HTTPS://Example.COM/Path", "https://example.com/Path"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/", "https://example.com"),
        ("https://example.com/docs/", "https://example.com/docs"),
        ("https://example.com/a?utm_source=x&id=3&UTM_medium=y", "https://example.com/a?id=3"),
        ("https://example.com/a?utm_source=x", "https://example.com/a"),
        ("https://example.com/a#section", "https://example.com/a#section"),
        ("https://github.com/x/kafka-ml#:~:text=Kafka%2DML,(ML)%20models", "https://github.com/x/kafka-ml"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://user@Example.com:443/", "https://user@example.com"),
        ("http://[::1]:80/x", "http://[::1]/x"),
        ("file:///home/me/Notes/", "file:///home/me/Notes"),
    ])
    func normalises(_ raw: String, _ expected: String) {
        #expect(URLNormalizer.normalize(raw) == expected)
    }

    @Test func pathCaseIsKept() {
        #expect(URLNormalizer.normalize("https://a.org/README") != URLNormalizer.normalize("https://a.org/readme"))
    }

    @Test(arguments: ["http://a.org", "HTTPS://a.org", "file:///tmp/x.pdf", "File:x", "hTTpS://", "http://"])
    func resourceSchemes(_ url: String) {
        #expect(URLNormalizer.isResourceLink(url))
    }

    @Test(arguments: ["../other.md", "mailto:me@a.org", "javascript:alert(1)", "ftp://a.org", "#anchor", "", "http:/a", "https:", "fil", "http//a.org", "éhttp://a"])
    func notResourceSchemes(_ url: String) {
        #expect(!URLNormalizer.isResourceLink(url))
    }

    @Test func displayTitleDropsSchemeAndTrailingSlash() {
        #expect(URLNormalizer.displayTitle("https://gdpr.eu/") == "gdpr.eu")
        #expect(URLNormalizer.displayTitle("http://a.org/x/y") == "a.org/x/y")
    }

    /// The title a bare link gets is the one it got before the byte-wise rewrite, on the edges:
    /// a lone slash stays, case and white space around the scheme, combining marks by a slash.
    @Test(arguments: ["/", "//", "///", "http://", "https:///", "HTTPS://A.org//", " file:/x/ ", "file:///",
                      "a/\u{301}", "é/", "e\u{301}//", "http://é/", "ftp://x/", "htt", "", "  ", "https://例え.jp/パス/",
                      "http:/\u{301}/x", "\u{1F600}/"])
    func displayTitleIsWhatItWas(url: String) {
        #expect(URLNormalizer.displayTitle(url) == Self.displayTitleAsItWas(url))
    }

    /// The rule as first written, Character by Character.
    static func displayTitleAsItWas(_ raw: String) -> String {
        var text = Substring(raw.trimmingWhitespace())
        let head = String(text.utf8.prefix(8).map { (65...90).contains($0) ? $0 + 32 : $0 }.map { Character(Unicode.Scalar($0)) })
        for prefix in ["https://", "http://", "file://", "file:"] where head.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            break
        }
        while text.count > 1 && text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
