/// Whether the dashboard writes its links as OSC 8 hyperlinks: `on` and `off` say so; `auto`
/// says yes only for the terminals known to support them, and no under tmux or screen (which
/// pass the sequence on only when configured to, and otherwise may show it), however the
/// terminal outside them is named.
extension Hyperlinks {
    public func isOn(environment: [String: String]) -> Bool {
        switch self {
        case .on: return true
        case .off: return false
        case .auto: return Self.knownTerminal(environment)
        }
    }

    /// The common terminals that support OSC 8, as they name themselves.
    static func knownTerminal(_ all: [String: String]) -> Bool {
        // A variable set empty is as good as unset.
        let environment = all.filter { !$0.value.isEmpty }
        let term = environment["TERM"] ?? ""
        if environment["TMUX"] != nil || environment["STY"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux") {
            return false
        }
        let programs: Set<String> = ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby"]
        if let program = environment["TERM_PROGRAM"], programs.contains(program) { return true }
        if ["xterm-kitty", "foot", "foot-extra", "wezterm", "xterm-ghostty", "alacritty"].contains(term) { return true }
        // VTE (GNOME Terminal, Tilix, …) from 0.50; Windows Terminal; Konsole.
        if let vte = environment["VTE_VERSION"].flatMap({ Int($0) }), vte >= 5000 { return true }
        return environment["WT_SESSION"] != nil || environment["KONSOLE_VERSION"] != nil
    }
}
