import Foundation
import Testing
import StudyTestSupport

/// The config file as a user meets it: every setting read and shown with its place, every
/// mistake one line with file:line:column and exit 2, flags over the environment over the file.
@Suite struct ConfigFileTests {
    let scratch: TemporaryFolder

    init() throws {
        scratch = try TemporaryFolder()
    }

    /// `studydash config --json` as name → (value, from).
    func settings(_ arguments: [String], environment: [String: String] = [:]) throws -> [String: (value: String, from: String)] {
        let result = try CLI.run(["config", "--json"] + arguments, environment: environment)
        #expect(result.status == 0, "\(result.err)")
        let list = try result.json()["settings"] as? [[String: Any]] ?? []
        var found: [String: (value: String, from: String)] = [:]
        for entry in list {
            found[entry["name"] as? String ?? ""] = (entry["value"] as? String ?? "", entry["from"] as? String ?? "")
        }
        return found
    }

    @Test func everySettingIsReadWithItsLine() throws {
        let file = scratch.url("config.toml")
        try scratch.write("config.toml", """
            # a comment
            content = ["notes", "/abs/more"]
            db = "progress.sqlite"
            tree_width = "30%"
            confirm_bulk = 25
            mouse = true
            hyperlinks = "off"

            [browser]
            command = "w3m -N {url}"
            terminal = true

            [sync]
            dir = "~/Sync/sd"
            on_open = true
            on_quit = false

            [keys.browser]
            mark_done = ["d", "D"]
            open = "none"

            [theme]
            name = "light"
            done = "#00ff00"
            bar = 208
            """)
        let found = try settings(["--config", file], environment: ["HOME": "/home/someone"])
        let folder = scratch.path
        #expect(found["content"]?.value == "\(folder)/notes, /abs/more")
        #expect(found["content"]?.from == "file \(file):2:1")
        #expect(found["db"]?.value == "\(folder)/progress.sqlite")
        #expect(found["db"]?.from == "file \(file):3:1")
        #expect(found["tree_width"]?.value == "30%")
        #expect(found["tree_width"]?.from == "file \(file):4:1")
        #expect(found["confirm_bulk"]?.value == "25")
        #expect(found["mouse"]?.value == "true")
        #expect(found["hyperlinks"]?.value == "off")
        #expect(found["hyperlinks"]?.from == "file \(file):7:1")
        #expect(found["browser"]?.value == "w3m -N {url}")
        #expect(found["browser.terminal"]?.value == "true")
        #expect(found["sync.dir"]?.value == "/home/someone/Sync/sd")
        #expect(found["sync.dir"]?.from == "file \(file):14:1")
        #expect(found["sync.on_open"]?.value == "true")
        #expect(found["sync.on_quit"]?.value == "false")
        #expect(found["keys.browser.mark_done"]?.value == "d, D")
        #expect(found["keys.browser.mark_done"]?.from == "file \(file):19:1")
        #expect(found["keys.browser.open"]?.value == "none")
        #expect(found["theme.name"]?.value == "light")
        #expect(found["theme.name"]?.from == "file \(file):23:1")
        #expect(found["theme.done"]?.value == "#00ff00")
        #expect(found["theme.bar"]?.value == "208")
        #expect(found["theme.bar"]?.from == "file \(file):25:1")
    }

    @Test func widthsInColumnsAndTheShortBrowserForm() throws {
        try scratch.write("c.toml", "tree_width = 50\nbrowser = \"firefox --new-tab {url}\"\ncontent = \"one\"\n")
        let found = try settings(["--config", scratch.url("c.toml")])
        #expect(found["tree_width"]?.value == "50")
        #expect(found["browser"]?.value == "firefox --new-tab {url}")
        #expect(found["browser.terminal"]?.value == "false")
        #expect(found["content"]?.value == scratch.url("one"))
    }

    /// A browser word with a space (or a quote) is shown quoted, as the file would say it, so
    /// the value can be pasted back and mean the same words.
    @Test func theBrowserIsShownQuotedAsItIsParsed() throws {
        try scratch.write("c.toml", #"browser = "'/opt/My Browser/w3m' -o \"a b\" it\\'s {url}""# + "\n")
        let found = try settings(["--config", scratch.url("c.toml")])
        #expect(found["browser"]?.value == #"'/opt/My Browser/w3m' -o 'a b' 'it'\''s' {url}"#)
    }

    /// Each mistake, its message and where it points.
    @Test(arguments: [
        ("colour = \"red\"\n", "1:1: unknown setting 'colour'"),
        ("\n\nmouse = \"yes\"\n", "3:1: mouse must be true or false, not a string"),
        ("tree_width = \"wide\"\n", "1:1: tree_width must be a percentage like \"40%\" or a number of columns like 50, not \"wide\""),
        ("tree_width = \"95%\"\n", "1:1: tree_width of 95% is outside 10%…90%"),
        ("tree_width = 3\n", "1:1: tree_width of 3 columns is outside 10…500"),
        ("tree_width = 2.5\n", "1:1: tree_width must be a percentage like \"40%\" or a number of columns like 50, not a decimal number"),
        ("confirm_bulk = -1\n", "1:1: confirm_bulk must be a number of resources (0 or more), not a whole number"),
        ("confirm_bulk = \"10\"\n", "1:1: confirm_bulk must be a number of resources (0 or more), not a string"),
        ("hyperlinks = \"sometimes\"\n", "1:1: hyperlinks must be \"auto\", \"on\" or \"off\", not \"sometimes\""),
        ("content = [1, 2]\n", "1:1: content must be a list of folders (strings), not a list"),
        ("db = true\n", "1:1: db must be a path, not true or false"),
        ("db = \"\"\n", "1:1: db is an empty path"),
        ("[sync]\n  every = 3\n", "2:3: unknown setting 'sync.every' (the settings are dir, on_open, on_quit)"),
        ("[sync]\non_quit = 1\n", "2:1: sync.on_quit must be true or false, not a whole number"),
        ("sync = 1\n", "1:1: sync must be a table, as [sync], not a whole number"),
        ("[browser]\nterminal = true\n", "1:1: [browser] needs command = \"PROGRAM {url}\""),
        ("[browser]\ncommand = \"w3m\"\nwait = true\n", "3:1: unknown setting 'browser.wait' (the settings are command, terminal)"),
        ("browser = \"w3m 'x\"\n", "1:1: browser: the command has an unclosed ' quote"),
        ("browser = \"  \"\n", "1:1: browser names no program"),
        ("[keys]\nbrowser = 1\n", "2:1: keys.browser must be a table of actions, as [keys.browser] then mark_done = \"d\""),
        ("[keys.browser]\nmark_done = 4\n", "2:1: keys.browser.mark_done must be a key or a list of keys, not a whole number"),
        ("[theme]\ndone = true\n", "2:1: theme.done must be a colour, not true or false"),
    ])
    func aMistakeIsOneLineWithItsPlace(_ text: String, _ expected: String) throws {
        try scratch.write("bad.toml", text)
        let file = scratch.url("bad.toml")
        let result = try CLI.run(["config", "--check", "--config", file])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("studydash: \(file):\(expected)"), "\(result.err)")
        #expect(result.err.filter { $0 == "\n" }.count == 1, "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test func aSyntaxErrorHasTheParsersLineAndColumn() throws {
        try scratch.write("syntax.toml", "mouse = true\ntree_width = \"40%\" x\n")
        let file = scratch.url("syntax.toml")
        let result = try CLI.run(["config", "--check", "--config", file])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("studydash: \(file):2:"), "\(result.err)")
        #expect(result.err.filter { $0 == "\n" }.count == 1, "\(result.err)")
    }

    /// Every command, the dashboard included, stops on a wrong file before doing anything.
    @Test(arguments: [["tree"], ["status"], ["mark", "S3 Standard", "done"], [], ["tree", "--content", "notes"],
                      ["check", "--content", "notes"], ["search", "semver", "--content", "notes"]])
    func noCommandRunsWithABadFile(_ command: [String]) throws {
        try scratch.write("bad.toml", "mouse = 1\n")
        let db = scratch.url("progress.sqlite")
        let result = try CLI.run(["--config", scratch.url("bad.toml"), "--db", db] + command)
        #expect(result.status == 2, "\(result.err)")
        #expect(result.err == "studydash: \(scratch.url("bad.toml")):1:1: mouse must be true or false, not a whole number\n")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aNamedFileMustExistButTheStandardOneNeedNot() throws {
        let missing = scratch.url("missing.toml")
        let flag = try CLI.run(["config", "--config", missing])
        #expect(flag.status == 2)
        #expect(flag.err == "studydash: --config \(missing) does not exist\n")
        let environment = try CLI.run(["tree"], environment: ["STUDYDASH_CONFIG": missing])
        #expect(environment.status == 2)
        #expect(environment.err == "studydash: STUDYDASH_CONFIG \(missing) does not exist\n")
        let standard = try CLI.run(["config", "--check"], environment: ["XDG_CONFIG_HOME": scratch.url("nothing")])
        #expect(standard.status == 0, "\(standard.err)")
        #expect(standard.out == "ok: \(scratch.url("nothing"))/studydash/config.toml (none; the defaults apply)\n")
    }

    /// A folder named as the config file is refused with what it is; one at the standard place too.
    @Test func aFolderIsNotAConfigFile() throws {
        try scratch.write("xdg/studydash/config.toml/inside", "")
        let folder = scratch.url("xdg/studydash/config.toml")
        let flag = try CLI.run(["config", "--check", "--config", folder])
        #expect(flag.status == 2)
        #expect(flag.err == "studydash: --config \(folder) cannot be read (it is a folder)\n")
        let standard = try CLI.run(["tree"], environment: ["XDG_CONFIG_HOME": scratch.url("xdg")])
        #expect(standard.status == 2)
        #expect(standard.err == "studydash: the config file \(folder) cannot be read (it is a folder)\n")
    }

    @Test func theStandardPlaceIsRead() throws {
        try scratch.write("xdg/studydash/config.toml", "confirm_bulk = 3\n")
        let found = try settings([], environment: ["XDG_CONFIG_HOME": scratch.url("xdg")])
        #expect(found["confirm_bulk"]?.value == "3")
        #expect(found["confirm_bulk"]?.from == "file \(scratch.url("xdg"))/studydash/config.toml:1:1")
    }

    /// flags > environment > config file > defaults, for the database and the notes.
    @Test func flagsWinOverTheEnvironmentWhichWinsOverTheFile() throws {
        try scratch.write("c.toml", "db = \"file.sqlite\"\ncontent = [\"file-notes\"]\n")
        let config = ["--config", scratch.url("c.toml")]
        let env = ["STUDYDASH_DB": "/env.sqlite", "STUDYDASH_CONTENT": "/env-notes"]

        let defaults = try settings([])
        #expect(defaults["db"]?.from == "default")
        #expect(defaults["db"]?.value == CLI.scratchData + "/studydash/progress.sqlite")
        #expect(defaults["content"]?.from == "default (the bundled Content/)")

        let fromFile = try settings(config)
        #expect(fromFile["db"]?.value == scratch.url("file.sqlite"))
        #expect(fromFile["content"]?.value == scratch.url("file-notes"))

        let fromEnvironment = try settings(config, environment: env)
        #expect(fromEnvironment["db"]?.value == "/env.sqlite")
        #expect(fromEnvironment["db"]?.from == "env STUDYDASH_DB")
        #expect(fromEnvironment["content"]?.value == "/env-notes")
        #expect(fromEnvironment["content"]?.from == "env STUDYDASH_CONTENT")

        let fromFlags = try settings(config + ["--db", "/flag.sqlite", "--content", "/flag-notes"], environment: env)
        #expect(fromFlags["db"]?.value == "/flag.sqlite")
        #expect(fromFlags["db"]?.from == "flag --db")
        #expect(fromFlags["content"]?.value == "/flag-notes")
        #expect(fromFlags["content"]?.from == "flag --content")

        // --config beats STUDYDASH_CONFIG.
        try scratch.write("other.toml", "db = \"other.sqlite\"\n")
        let named = try settings(config, environment: ["STUDYDASH_CONFIG": scratch.url("other.toml")])
        #expect(named["db"]?.value == scratch.url("file.sqlite"))
        let byEnvironment = try settings([], environment: ["STUDYDASH_CONFIG": scratch.url("other.toml")])
        #expect(byEnvironment["db"]?.value == scratch.url("other.sqlite"))
    }

    /// The file's notes folder is taken from the file's folder, not from where the command runs
    /// (the fixtures folder, which has a `notes` of its own).
    @Test func theFilesContentIsReadFromItsFolder() throws {
        try scratch.write("notes/only.md", "# Config Notes\n\n- [A link](https://example.com/a)\n")
        try scratch.write("c.toml", "content = [\"notes\"]\ndb = \"progress.sqlite\"\n")
        let result = try CLI.run(["--config", scratch.url("c.toml"), "tree"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("Config Notes"))
        #expect(!result.out.contains("Fixture Notes"))
        let mark = try CLI.run(["mark", "A link", "done", "--config", scratch.url("c.toml")])
        #expect(mark.status == 0, "\(mark.err)")
        #expect(FileManager.default.fileExists(atPath: scratch.url("progress.sqlite")))
    }

    /// `config --default` is a file that reads back as the defaults.
    @Test func theDefaultFileReadsBackAsTheDefaults() throws {
        let printed = try CLI.run(["config", "--default"])
        #expect(printed.status == 0)
        #expect(printed.out.contains("# "))
        try scratch.write("default.toml", printed.out)
        let check = try CLI.run(["config", "--check", "--config", scratch.url("default.toml")])
        #expect(check.status == 0, "\(check.err)")
        let fromFile = try settings(["--config", scratch.url("default.toml")])
        let defaults = try settings([])
        #expect(fromFile.keys.sorted() == defaults.keys.sorted())
        for (name, setting) in defaults {
            #expect(fromFile[name]?.value == setting.value, "\(name)")
        }
    }

    @Test func theTextListsEachSettingWithItsOrigin() throws {
        try scratch.write("c.toml", "mouse = true\n")
        let result = try CLI.run(["config", "--config", scratch.url("c.toml")])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "config file  \(scratch.url("c.toml"))  [flag --config]")
        #expect(lines.contains { $0.hasPrefix("mouse ") && $0.hasSuffix("true  [file \(scratch.url("c.toml")):1:1]") })
        #expect(lines.contains { $0.hasPrefix("confirm_bulk ") && $0.hasSuffix("10  [default]") })
    }

    /// The default file with every commented setting uncommented, as a new user starts from it,
    /// is a valid config: no key written twice, no key bound to two actions.
    @Test func theDefaultFileUncommentedIsValid() throws {
        let printed = try CLI.run(["config", "--default"])
        let uncommented = printed.out.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let body = line.dropFirst(2)
            let isSetting = line.hasPrefix("# ") && (body.hasPrefix("[") || body.range(of: #"^[a-z_]+ = "#, options: .regularExpression) != nil)
            return isSetting ? String(body) : String(line)
        }.joined(separator: "\n")
        #expect(uncommented.contains("\n[keys.browser]\n"))
        try scratch.write("full.toml", uncommented)
        let check = try CLI.run(["config", "--check", "--config", scratch.url("full.toml")])
        #expect(check.status == 0, "\(check.err)")
    }

    /// TOML forbids NUL; a file with one must not be read up to it and the rest ignored.
    @Test func aNulByteIsAnErrorNotTheEndOfTheFile() throws {
        try scratch.write("nul.toml", "mouse = true\n\u{0}\nconfirm_bulk = \"x\"\n")
        let check = try CLI.run(["config", "--check", "--config", scratch.url("nul.toml")])
        #expect(check.status == 2)
        #expect(check.err.contains("nul.toml:2:1:"), "\(check.err)")
    }

    /// A note's URL is untrusted (`https://x/;touch${IFS}f` passes the link policy): put inside a
    /// word that a shell or another program reads as a command line, it would run as a command.
    @Test(arguments: [
        "sh -c 'firefox {url}'",
        "bash -c firefox${IFS}{url}",
        "/usr/bin/env zsh -c 'w3m {url} >/dev/null'",
        "xterm -e 'w3m {url}'",
    ])
    func aBrowserThatHandsTheURLToAShellIsRefused(_ browser: String) throws {
        try scratch.write("c.toml", "browser = \"\(browser.replacingOccurrences(of: "\"", with: "\\\""))\"\n")
        let check = try CLI.run(["config", "--check", "--config", scratch.url("c.toml")])
        #expect(check.status == 2, "\(check.out)")
        #expect(check.err.contains("c.toml:1:1: browser: {url} "), "\(check.err)")
    }

    @Test(arguments: ["firefox --new-tab {url}", "sh -c 'firefox \"$1\"' sh {url}", "chromium --app={url}", "w3m"])
    func aBrowserThatPassesTheURLAsOneArgumentIsFine(_ browser: String) throws {
        try scratch.write("c.toml", "browser = \"\(browser.replacingOccurrences(of: "\"", with: "\\\""))\"\n")
        let check = try CLI.run(["config", "--check", "--config", scratch.url("c.toml")])
        #expect(check.status == 0, "\(check.err)")
    }

    /// `--config /dev/null` is the usual way to say "no config file" (it reads as empty).
    @Test func devNullIsAnEmptyConfig() throws {
        let check = try CLI.run(["config", "--check", "--config", "/dev/null"])
        #expect(check.status == 0, "\(check.err)")
    }

    /// A config file of megabytes is not a config file: refused at once, not parsed for seconds.
    @Test func aHugeFileIsRefusedBeforeItIsParsed() throws {
        try scratch.write("huge.toml", "# " + String(repeating: "x", count: 2_000_000) + "\n")
        let check = try CLI.run(["config", "--check", "--config", scratch.url("huge.toml")])
        #expect(check.status == 2)
        #expect(check.err.contains("huge.toml:1:1: the config file is larger than 1 MB"), "\(check.err)")
    }
}
