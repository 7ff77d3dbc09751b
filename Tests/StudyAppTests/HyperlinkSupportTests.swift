import StudyApp
import Testing

/// `hyperlinks = "auto"` recognises the common terminals that support OSC 8 by how they name
/// themselves, and stays off under tmux or screen whatever the terminal outside them is.
@Suite struct HyperlinkSupportTests {
    @Test(arguments: [
        ["TERM_PROGRAM": "iTerm.app"], ["TERM_PROGRAM": "WezTerm"], ["TERM": "xterm-kitty"], ["TERM": "foot"],
        ["VTE_VERSION": "6003", "TERM": "xterm-256color"], ["WT_SESSION": "5c1c…"], ["KONSOLE_VERSION": "230401"],
    ])
    func autoIsOnInAKnownTerminal(environment: [String: String]) {
        #expect(Hyperlinks.auto.isOn(environment: environment))
    }

    @Test(arguments: [
        ["TERM": "xterm-256color"], ["TERM": "linux"], [:], ["VTE_VERSION": "4205"], ["TERM_PROGRAM": "Apple_Terminal"],
        ["TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/tmux-1000/default,42,0"], ["TERM": "screen-256color", "VTE_VERSION": "6003"],
        ["TERM": "tmux-256color", "TERM_PROGRAM": "iTerm.app"], ["STY": "1234.pts-0.host", "TERM_PROGRAM": "WezTerm"],
    ])
    func autoIsOffElsewhereAndUnderTmuxOrScreen(environment: [String: String]) {
        #expect(!Hyperlinks.auto.isOn(environment: environment))
    }

    @Test func onAndOffAreWhatTheySay() {
        #expect(Hyperlinks.on.isOn(environment: ["TMUX": "/tmp/x"]), "on: the user configured tmux to pass them")
        #expect(!Hyperlinks.off.isOn(environment: ["TERM_PROGRAM": "WezTerm"]))
    }
}
