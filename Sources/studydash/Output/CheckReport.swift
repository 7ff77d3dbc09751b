import StudyCore
import StudyText

/// What `check` prints: warnings, duplicate URLs, empty topics and a summary.
struct CheckReport {
    let tree: ContentTree
    private let duplicates: [Resource]
    private let emptyTopics: [Topic]

    init(tree: ContentTree) {
        self.tree = tree
        duplicates = tree.duplicates
        emptyTopics = tree.emptyTopics
    }

    private var warnings: [ContentWarning] {
        tree.warnings.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    }

    var summary: String {
        let duplicateCount = duplicates.count
        let empty = emptyTopics.count
        return [Plural.count(tree.topicCount, "topic"), Plural.count(tree.resources.count, "resource"),
                Plural.count(tree.warnings.count, "warning"), Plural.count(duplicateCount, "duplicate URL"),
                Plural.count(empty, "empty topic")].joined(separator: ", ")
    }

    func text() -> String {
        var out = ""
        for warning in warnings { out += Output.safe(warning.description) + "\n" }
        for resource in duplicates {
            out += "duplicate URL: \(Output.safe(resource.url ?? resource.title)) (\(resource.id)), listed \(resource.occurrences.count) times:\n"
            for place in resource.occurrences { out += "  \(Output.safe(place.description))\n" }
        }
        for topic in emptyTopics {
            out += "\(Output.safe(topic.source.description)): empty topic: \(Output.safe(topic.title))\n"
        }
        out += "check: \(summary)\n"
        return out
    }

    func json() -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.check/1")
        writer.beginArray("warnings")
        for warning in warnings {
            writer.beginObject()
            writer.value("file", warning.location.file)
            writer.value("line", warning.location.line)
            writer.value("reason", warning.reason)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("duplicates")
        for resource in duplicates {
            writer.beginObject()
            writer.value("id", resource.id)
            writer.value("url", resource.url)
            writer.beginArray("occurrences")
            for place in resource.occurrences { writer.value(nil, place.description) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("emptyTopics")
        for topic in emptyTopics {
            writer.beginObject()
            writer.value("id", topic.id)
            writer.value("title", topic.title)
            writer.value("source", topic.source.description)
            writer.endObject()
        }
        writer.endArray()
        writer.beginObject("summary")
        writer.value("topics", tree.topicCount)
        writer.value("resources", tree.resources.count)
        writer.value("warnings", tree.warnings.count)
        writer.value("duplicates", duplicates.count)
        writer.value("emptyTopics", emptyTopics.count)
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }
}
