import ArgumentParser

/// The `studydash` executable: command-line parsing and wiring of the modules. Each subcommand
/// lives in Commands/, its output format in Output/.
@main
struct StudyDash: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "studydash",
        abstract: "Study a subject kept as Markdown notes: browse the topic tree, read notes, track progress.",
        discussion: """
            With no subcommand it prints the topic tree (the full-screen dashboard comes in a later \
            release). Content comes from --content DIR (repeatable), else the folders in \
            STUDYDASH_CONTENT (separated by ':'), else the bundled curriculum (see `studydash help tree`).

            Exit status: 0 success; 1 an error (missing content folder, unknown or ambiguous item); \
            64 a usage error.
            """,
        version: version,
        subcommands: [TreeCommand.self, CheckCommand.self, ShowCommand.self],
        defaultSubcommand: TreeCommand.self
    )
}
