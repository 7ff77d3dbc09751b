/// The text `studydash config --default` prints: every setting with its default and what it does.
/// Read back, it gives the defaults (a test checks), so it is a safe file to start from.
enum DefaultConfigFile {
    static let text = """
        # StudyDash config: $XDG_CONFIG_HOME/studydash/config.toml (~/.config/studydash/config.toml),
        # or the file named by --config FILE or $STUDYDASH_CONFIG.
        # Flags win over environment variables, which win over this file, which wins over the defaults.
        # Relative paths are taken from this file's folder; ~/ is your home folder.

        # The notes folders to read (--content DIR, $STUDYDASH_CONTENT). Default: the bundled Content/.
        # content = ["~/notes/networking", "more-notes"]

        # The progress database (--db PATH, $STUDYDASH_DB).
        # Default: $XDG_DATA_HOME/studydash/progress.sqlite (~/.local/share/studydash/progress.sqlite).
        # db = "~/.local/share/studydash/progress.sqlite"

        # The tree pane's width: a share of the screen ("10%" to "90%") or columns (10 to 500).
        # + and - widen and narrow it in the dashboard.
        tree_width = "40%"

        # Marking more resources than this at once asks first.
        confirm_bulk = 10

        # Mouse clicks and the wheel in the dashboard; with it on, hold Shift to select text.
        mouse = false

        # Links as terminal hyperlinks (OSC 8): "auto" (known terminals, not under tmux), "on", "off".
        hyperlinks = "auto"

        # The program that opens links, run without a shell; {url} is the link, as one argument
        # (appended when missing). $BROWSER, when set, wins. Default: xdg-open (open on macOS).
        # Also written on one line: browser = "firefox --new-tab {url}".
        # A text browser (command = "w3m {url}") needs the terminal: with terminal = true the
        # dashboard steps aside while it runs.
        # [browser]
        # command = "firefox --new-tab {url}"
        # terminal = false

        # Syncing progress between devices through a shared folder (`studydash sync`).
        # [sync]
        # dir = "~/Sync/studydash"
        # on_open = false
        # on_quit = false

        # Keys per view: one key or a list; "none" unbinds. `?` in the dashboard lists the actions.
        # [keys.browser]
        # mark_done = ["d", "x"]

        # Colours: a bundled theme (default, light, mono) and colour roles as 16-colour names,
        # 256-colour numbers or "#rrggbb".
        # [theme]
        # name = "default"
        # done = "green"

        """
}
