/// How the application reaches outside the process: a browser for a link, an editor for a text,
/// the clipboard. Each is a closure, so that what carries out a front end's effects takes them
/// as values (its real ones, or a test's stand-ins) instead of naming the programs it starts;
/// `posix` gives the implementations StudyDash ships with. A struct of closures rather than
/// protocols: each port is one call, and a closure is the smallest thing that says so.
public struct Ports {
    /// Opens a link; nil when the opener was started, else what to tell the user.
    public typealias OpenLink = (_ url: String) -> String?
    /// Edits `text` in an editor and returns the edited text; `name` goes into the file's name.
    public typealias EditText = (_ text: String, _ name: String) throws(ExternalEditor.Failure) -> String
    /// Puts text on the clipboard; nil when done, else what to tell the user.
    public typealias Copy = (_ text: String) -> String?

    public var openLink: OpenLink
    public var editText: EditText
    public var copy: Copy

    public init(openLink: @escaping OpenLink, editText: @escaping EditText, copy: @escaping Copy) {
        self.openLink = openLink
        self.editText = editText
        self.copy = copy
    }

    /// `$BROWSER` or the platform opener (`LinkOpener`), `$VISUAL` / `$EDITOR` / vi
    /// (`ExternalEditor`), both read from `environment`. The editor runs inside `handOver`, which
    /// gives it the terminal meanwhile (the dashboard suspends its screen; the command line has
    /// nothing to hand over). The clipboard is written by the terminal itself (OSC 52), so the
    /// front end that owns the terminal passes its own `copy`.
    /// `browser` is the config file's, used when `$BROWSER` is not set; a terminal one runs
    /// inside `handOver` as the editor does.
    public static func posix(environment: [String: String], browser: BrowserSetting? = nil,
                             handOver: @escaping (_ run: () -> Void) -> Void = { $0() },
                             copy: @escaping Copy) -> Ports {
        Ports(
            openLink: { url in LinkOpener.open(url, environment: environment, browser: browser, handOver: handOver) },
            editText: { (text, name) throws(ExternalEditor.Failure) -> String in
                var result: Result<String, ExternalEditor.Failure> = .failure(
                    ExternalEditor.Failure(description: "the editor was not started; the text was left unchanged"))
                handOver {
                    result = Result { () throws(ExternalEditor.Failure) -> String in
                        try ExternalEditor.edit(text, name: name, environment: environment)
                    }
                }
                return try result.get()
            },
            copy: copy)
    }
}
