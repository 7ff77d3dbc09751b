import ArgumentParser
import StudyCore

struct TreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree",
        abstract: "Print the topic tree, with resource counts rolled up per topic.",
        discussion: """
            Each line is a topic (a folder, a file or a heading) and the number of distinct \
            resources at or below it. --json prints one object:
              { "schema": "studydash.tree/1", "resourceCount": N, "warningCount": N, "roots": [TOPIC] }
              TOPIC    = { "id", "title", "kind" (root|folder|file|heading), "source" ("file:line"),
                           "resourceCount", "resources": [RESOURCE], "children": [TOPIC] }
              RESOURCE = { "id", "title", "url" (or null), "description", "source" ("file:line"),
                           "checkbox" (null, true or false) }
            IDs are stable across edits of the notes: see README.md, "Stable IDs". --db is accepted, \
            so that one alias serves every command, but tree reads only the notes.
            """)

    @OptionGroup var content: ContentOptions
    /// Accepted so that one alias (`studydash --db …`) serves every command; this command reads
    /// only the notes and never opens or creates the store.
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Show only N levels below the content folders.", valueName: "n"))
    var depth: Int?

    @Flag(help: "Show each topic's (and resource's) ID.")
    var ids = false

    @Flag(help: "List the resources under each topic.")
    var resources = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
    }

    func run() throws {
        try reportingErrors {
            let tree = try content.load()
            let report = TreeReport(tree: tree, depth: depth)
            if json {
                report.writeJSON()
            } else {
                Output.write(report.text(showIDs: ids, showResources: resources))
            }
        }
    }
}
