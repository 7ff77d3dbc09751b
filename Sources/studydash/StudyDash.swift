import ArgumentParser

/// The `studydash` executable: command-line parsing and wiring of the modules. Each subcommand
/// lives in Commands/, its output format in Output/.
@main
struct StudyDash: ParsableCommand {
    static let version = "0.3.0"

    static let configuration = CommandConfiguration(
        commandName: "studydash",
        abstract: "Study a subject kept as Markdown notes: browse the topic tree, read notes, track progress.",
        discussion: """
            With no subcommand it opens the full-screen dashboard (`studydash help dashboard`). Content comes from --content DIR (repeatable), else the folders in \
            STUDYDASH_CONTENT (separated by ':'), else the bundled curriculum (see `studydash help tree`). \
            Progress is kept in --db PATH, else $STUDYDASH_DB, else \
            $XDG_DATA_HOME/studydash/progress.sqlite (~/.local/share/studydash/progress.sqlite).

            Exit status: 0 success; 1 an error (missing content folder, unknown or ambiguous item); \
            64 a usage error.
            """,
        version: version,
        subcommands: [DashboardCommand.self, TreeCommand.self, CheckCommand.self, ShowCommand.self,
                      StatusCommand.self, MarkCommand.self, NoteCommand.self, NextCommand.self, StatsCommand.self,
                      UndoCommand.self, RelinkCommand.self, ExportCommand.self, ImportCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
