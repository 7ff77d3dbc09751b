import ArgumentParser
import Foundation
import StudyApp
import StudyCore

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "List the next resources to study: those you are learning, then those to do, in curriculum order.",
        discussion: """
            The ones to do start from where you last left the dashboard (the selected resource or \
            topic) and wrap around to the top; --from-start lists them from the top.
            """)

    @Argument(help: ArgumentHelp("Only resources under this topic.", valueName: "topic"))
    var topic: String?

    @Option(name: .short, help: ArgumentHelp("How many to list.", valueName: "n"))
    var n = 10

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "List from the top of the curriculum, not from where you left the dashboard.")
    var fromStart = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if n < 1 { throw ValidationError("-n must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            let progress = try storeCall { try session.progress() }
            var scope: Topic?
            if let topic {
                guard case .topic(let found, _) = try session.resolve(topic) else {
                    throw CLIError("'\(topic)' is a resource; `next` takes a topic")
                }
                scope = found
            }
            let place = fromStart ? nil : ResumeFile(contentFolders: try content.resolvedFolders(),
                                                     environment: ProcessInfo.processInfo.environment).load()
            let queue = if let scope {
                NextQueue.resources(in: session.tree, progress: progress, under: scope, from: place, limit: n)
            } else {
                NextQueue.resources(in: session.index, tree: session.tree, progress: progress, from: place, limit: n)
            }
            if json {
                var writer = JSONWriter(pretty: Output.isTerminal)
                writer.beginObject()
                writer.value("schema", "studydash.next/1")
                writer.beginArray("resources")
                for resource in queue {
                    writer.beginObject()
                    ResourceJSON.fields(resource, into: &writer)
                    writer.value("status", progress.status(of: resource).rawValue)
                    writer.beginArray("topicPath")
                    for title in session.index.trail(of: resource.id) ?? [] { writer.value(nil, title) }
                    writer.endArray()
                    writer.endObject()
                }
                writer.endArray()
                writer.endObject()
                Output.write(writer.bytes)
                return
            }
            guard !queue.isEmpty else {
                Output.write("Nothing left to study here: every resource is done or skipped.\n")
                return
            }
            var out = ""
            for resource in queue {
                out += "\(progress.status(of: resource).mark) \(Output.safe(resource.title))  \(resource.id)\n"
                let place = (session.index.trail(of: resource.id) ?? []).dropFirst().joined(separator: " › ")
                if !place.isEmpty { out += "    " + Output.safe(place) + "\n" }
                if let url = resource.url { out += "    " + Output.safe(url) + "\n" }
            }
            Output.write(out)
        }
    }
}
