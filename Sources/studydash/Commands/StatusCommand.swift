import ArgumentParser
import StudyApp
import StudyCore
import StudyStore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show progress: a bar per area, the overall bar and the counts per status.",
        discussion: """
            Progress is done / (total − skipped), rolled up the tree. A checkbox [x] in the notes counts \
            as done until you set a status. With TOPIC, shows that topic's sub-topics and resources. \
            With --orphans, lists the stored statuses and annotations whose item has left the notes; move one \
            onto an item with `studydash relink OLD NEW`.
            """)

    @Argument(help: ArgumentHelp("A topic to zoom into (ID, ID prefix or title).", valueName: "topic"))
    var topic: String?

    @Flag(help: "List stored entries whose resource or topic is no longer in the notes.")
    var orphans = false

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            KeptUntilExit.keep((session.tree, session.lookup))
            let progress = try storeCall { try session.progress() }
            let rollup = ProgressRollup(index: session.index, progress: progress)
            let report = StatusReport(session: session, progress: progress, rollup: rollup)
            if orphans {
                let list = try storeCall { try session.store.orphans(present: session.isPresent) }
                Output.write(json ? report.orphansJSON(list) : Array(report.orphansText(list).utf8))
                return
            }
            let orphanCount = try storeCall { try session.orphanCount(progress) }
            var focus: (Topic, [Topic])?
            if let topic {
                guard case .topic(let found, let path) = try session.resolve(topic) else {
                    throw CLIError("'\(topic)' is a resource; `status` takes a topic (`studydash show` shows a resource)")
                }
                focus = (found, path)
            }
            Output.write(json ? report.json(focus: focus, orphanCount: orphanCount)
                              : Array(report.text(focus: focus, orphanCount: orphanCount).utf8))
        }
    }
}
