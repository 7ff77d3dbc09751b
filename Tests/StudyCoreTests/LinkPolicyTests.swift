import StudyCore
import Testing

/// The one check every link passes before a browser sees it: the reducer's "opening …" and the
/// opener's own guard both ask `LinkPolicy`, so they can never disagree.
struct LinkPolicyTests {
    @Test(arguments: [
        "https://semver.org/",
        "HTTPS://EXAMPLE.COM",
        "http://example.com",
        "http://example.com:8080/a?b=c#d",
        "https://user@example.com/x",
        "http://[::1]:8000/",
        "https://münchen.de/straße",
        "file:///tmp/x.html",
        "file:/tmp/notes.pdf",
        "file://localhost/tmp/x.html",
    ])
    func opensWellFormedLinks(url: String) {
        #expect(LinkPolicy.refusal(url) == nil)
    }

    @Test(arguments: [
        "http:\\\\evil.com\\x",            // backslashes instead of //: some parsers read a host
        "http:evil.com",                    // no //
        "https:/evil.com",                  // one slash
        "http://",                          // no host
        "http:///path",                     // empty host
        "http://@/x",                       // only userinfo
        "http://:80/",                      // only a port
        "https://good.com\\@evil.com/",     // a backslash anywhere
        "file:",                            // no path
        "file://",                          // no path
        "file:relative/path",               // not a path from the root
        "ftp://example.com",
        "javascript:alert(1)",
        "example.com/page",
        "",
        "https://x.com/a b",                // a space
        "https://x.com/a\u{00A0}b",         // a no-break space
        "https://x.com/\u{1b}[6n",          // C0
        "https://x.com/\u{7f}",             // DEL
        "https://x.com/\u{9b}2J",           // C1 (CSI)
        "https://x.com/\u{85}",             // C1 (NEL)
        "https://x.com/\u{202E}gpj.exe",    // a bidi override
        "https://x.com/\n",
        "https://x.com/\t",
    ])
    func refusesHostileOrMalformedLinks(url: String) {
        #expect(LinkPolicy.refusal(url) != nil, "\(url.debugDescription) must not be opened")
    }

    @Test func theRefusalNamesWhatIsAllowed() {
        let refusal = LinkPolicy.refusal("ftp://example.com") ?? ""
        #expect(refusal.contains("http") && refusal.contains("file"), "\(refusal)")
    }
}
