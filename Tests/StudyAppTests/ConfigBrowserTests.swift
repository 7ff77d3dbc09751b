import Foundation
import StudyApp
import StudyTestSupport
import Testing

/// The config file's `browser`: `{url}` is one argument however the URL looks, no shell reads
/// the command, a terminal browser runs inside the hand-over, and the link policy still decides.
@Suite struct ConfigBrowserTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    @Test func theURLIsOneArgumentWhereverItStands() {
        let url = "https://example.com/a b;$(rm -rf x)"
        #expect(BrowserSetting(words: ["w3m", "-N", "{url}"]).arguments(for: url) == ["w3m", "-N", url])
        #expect(BrowserSetting(words: ["open", "--url={url}"]).arguments(for: url) == ["open", "--url=" + url])
        #expect(BrowserSetting(words: ["firefox"]).arguments(for: url) == ["firefox", url], "appended when not named")
    }

    @Test func theCommandIsSplitIntoWordsWithoutAShell() throws {
        #expect(try BrowserSetting.words(of: "'/opt/my browser/run' --new {url}").get() == ["/opt/my browser/run", "--new", "{url}"])
        #expect(try BrowserSetting.words(of: "w3m $HOME `x` ; {url}").get() == ["w3m", "$HOME", "`x`", ";", "{url}"])
        #expect(throws: BrowserCommandError.self) { try BrowserSetting.words(of: "w3m 'open").get() }
        #expect(throws: BrowserCommandError.self) { try BrowserSetting.words(of: "a {url}:b {url}").get() }
    }

    /// A terminal browser waits inside the hand-over (the dashboard's screen steps aside); any
    /// other does not ask for it.
    @Test func aTerminalBrowserRunsInsideTheHandOver() throws {
        try folder.write("browser.sh", "printf '%s\\n' \"$@\" > '\(folder.url("log"))'\n")
        let browser = BrowserSetting(words: ["/bin/sh", folder.url("browser.sh"), "{url}"], terminal: true)
        var handedOver = 0
        let result = LinkOpener.open("https://example.com/x", environment: [:], browser: browser,
                                     handOver: { run in handedOver += 1; run() })
        #expect(result == nil)
        #expect(handedOver == 1)
        // Waited for: the log is there as soon as open returns.
        #expect((try? String(contentsOfFile: folder.url("log"), encoding: .utf8)) == "https://example.com/x\n")
        let failing = BrowserSetting(words: ["/bin/sh", "-c", "exit 3"], terminal: true)
        #expect(LinkOpener.open("https://example.com/x", environment: [:], browser: failing, handOver: { $0() })
                == "'/bin/sh' ended with exit status 3")
    }

    @Test func aRefusedLinkNeverReachesTheConfiguredBrowser() throws {
        try folder.write("browser.sh", "touch '\(folder.url("ran"))'\n")
        let browser = BrowserSetting(words: ["/bin/sh", folder.url("browser.sh")], terminal: true)
        var handedOver = 0
        let result = LinkOpener.open("javascript:alert(1)", environment: [:], browser: browser,
                                     handOver: { run in handedOver += 1; run() })
        #expect(result != nil)
        #expect(handedOver == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.url("ran")))
    }

    @Test func browserInTheEnvironmentWinsOverTheConfig() throws {
        try folder.write("config.sh", "touch '\(folder.url("config-ran"))'\n")
        // Read by /bin/sh rather than executed itself: another test's child, forked while this
        // file was open for writing, could still hold it open ("Text file busy", see PortsTests).
        try folder.write("env.sh", "touch '\(folder.url("env-ran"))'\n")
        let browser = BrowserSetting(words: ["/bin/sh", folder.url("config.sh")], terminal: true)
        var handedOver = 0
        let result = LinkOpener.open("https://example.com/x", environment: ["BROWSER": "/bin/sh '\(folder.url("env.sh"))'"],
                                     browser: browser, handOver: { run in handedOver += 1; run() })
        #expect(result == nil)
        #expect(handedOver == 0, "$BROWSER is started, not the config's terminal browser")
        #expect(!FileManager.default.fileExists(atPath: folder.url("config-ran")))
    }

    /// `$BROWSER="sh -c 'firefox %s'"` would put a note's URL (`https://x/;touch${IFS}f` passes
    /// the link policy) inside a shell script; it is refused, and `%s` as its own word is fine.
    @Test func aBrowserVariableThatHandsTheURLToAShellIsRefused() throws {
        let marker = folder.url("ran")
        let url = "https://x.example/;touch${IFS}\(marker)"
        let refused = LinkOpener.open(url, environment: ["BROWSER": "sh -c 'true %s'"])
        #expect(refused?.contains("%s is inside 'true %s', where the shell 'sh' would run it as a command") == true, "\(refused ?? "opened")")
        #expect(LinkOpener.open(url, environment: ["BROWSER": "sh -c 'true \"$1\"' sh %s"]) == nil)
    }
}
