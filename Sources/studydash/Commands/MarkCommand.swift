import ArgumentParser
import StudyCore

/// `studydash mark`: its arguments and help for the parser; the work is MarkRequest's.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        // Lets `StudyDash.commandAlone` parse these arguments without the whole command tree.
        _superCommandName: "studydash",
        abstract: "Set the status of resources: todo, learning, done or skipped.",
        discussion: """
            Each ITEM is a resource or a topic: an ID, a unique ID prefix, a URL, or a title (exact, \
            else a unique part of one; on an exact tie between a topic and a resource, the topic). A topic \
            stands for every resource under it. If any ITEM is unknown or ambiguous, the candidates \
            are listed with their places and links, nothing changes and the exit status is 1. \
            All the changes of one command are one transaction and one step for `studydash undo`.

            Examples:
              studydash mark r7vchwhqxwt done
              studydash mark https://semver.org learning
              studydash mark "Containers and Orchestration" skipped
            """)

    @Argument(help: ArgumentHelp("One or more items, then the status (todo, learning, done, skipped).",
                                 valueName: "item… status"), completion: ItemCompletion.itemsOrStatus)
    var arguments: [String] = []

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        guard arguments.count >= 2 else {
            throw ValidationError("give at least one item and a status, e.g. `studydash mark ITEM done`")
        }
        guard Status(parsing: arguments[arguments.count - 1]) != nil else {
            throw ValidationError("'\(arguments[arguments.count - 1])' is not a status; the last argument must be "
                + "todo, learning, done or skipped")
        }
    }

    /// The same arguments as plain values, which the run takes.
    var request: MarkRequest {
        MarkRequest(arguments: arguments, content: content.choice, store: store.choice, json: json)
    }

    func run() throws {
        try request.run()
    }
}
