@testable import StudyApp
import Testing

/// How `$BROWSER` becomes argument vectors: what reaches a program started for a link.
struct BrowserListTests {
    let url = "https://example.com/a;b&c|d$(e)`f` g'h\"i"

    func commands(_ value: String) throws -> [[String]] {
        try BrowserList.parse(value).get().map { $0.arguments(for: url) }
    }

    @Test func theURLIsAppendedAsOneArgumentWithoutPercentS() throws {
        #expect(try commands("firefox") == [["firefox", url]])
        #expect(try commands("firefox --new-tab") == [["firefox", "--new-tab", url]])
    }

    @Test func percentSIsReplacedAndPercentPercentIsAPercent() throws {
        #expect(try commands("open-it %s --now") == [["open-it", url, "--now"]])
        #expect(try commands("w3m --opt=100%% %s") == [["w3m", "--opt=100%", url]])
        #expect(try commands("tool 100%%") == [["tool", "100%", url]], "%% alone is no %s: the URL is appended")
        #expect(try commands("tool --url=%s") == [["tool", "--url=" + url]])
    }

    @Test func entriesAreSeparatedByColons() throws {
        #expect(try commands("xdg-open:firefox %s::lynx") == [["xdg-open", url], ["firefox", url], ["lynx", url]])
    }

    @Test func aPathWithSpacesCanBeQuotedAsAShellWordWould() throws {
        #expect(try commands("'/opt/My Browser/run' --flag") == [["/opt/My Browser/run", "--flag", url]])
        #expect(try commands("\"/opt/My Browser/run\" \"%s\"") == [["/opt/My Browser/run", url]])
        #expect(try commands("/opt/My\\ Browser/run") == [["/opt/My Browser/run", url]])
        #expect(try commands("say \"a \\\"quoted\\\" word\"") == [["say", "a \"quoted\" word", url]])
        #expect(try commands("say 'it''s'") == [["say", "its", url]], "adjacent quoted parts make one word")
        #expect(try commands("'a:b' x") == [["a:b", "x", url]], "a quoted colon does not end the entry")
        #expect(try commands("a\\:b") == [["a:b", url]])
        #expect(try commands("tool ''") == [["tool", "", url]], "an empty quoted word is a word")
    }

    @Test func nothingIsLeftToAShell() throws {
        // $, backticks, ;, | and & are ordinary characters: no shell ever reads the entry.
        #expect(try commands("echo $HOME;rm `x`|y&") == [["echo", "$HOME;rm", "`x`|y&", url]])
    }

    @Test func anUnterminatedQuoteIsAnError() {
        for value in ["'/opt/My Browser/run", "\"open", "tool \\"] {
            if case .success(let parsed) = BrowserList.parse(value) {
                Issue.record("\(value) parsed as \(parsed)")
            }
        }
    }

    @Test func emptyEntriesAreSkipped() throws {
        #expect(try commands("") == [])
        #expect(try commands(" : :") == [])
    }
}
