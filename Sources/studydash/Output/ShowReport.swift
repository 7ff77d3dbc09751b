import StudyContent
import StudyApp
import StudyCore
import StudyText

/// What `show` prints for a topic (breadcrumb, rendered note, resources, sub-topics) or a
/// resource (link, description, checkbox, where it is listed).
struct ShowReport {
    let tree: ContentTree
    let lookup: ItemLookup
    let width: Int
    let progress: LearnerProgress
    let rollup: ProgressRollup

    init(tree: ContentTree, lookup: ItemLookup, width: Int, progress: LearnerProgress) {
        self.tree = tree
        self.lookup = lookup
        self.width = width
        self.progress = progress
        rollup = ProgressRollup(index: lookup.index, progress: progress)
    }

    // MARK: Text

    func text(_ item: ItemLookup.Item) -> String {
        switch item {
        case .topic(let topic, let path): topicText(topic, path: path)
        case .resource(let resource): resourceText(resource)
        }
    }

    private func topicText(_ topic: Topic, path: [Topic]) -> String {
        var out = Output.safe(topic.title) + "\n"
        if !path.isEmpty {
            out += Output.safe((path + [topic]).map(\.title).joined(separator: " › ")) + "\n"
        }
        let count = tree.resourceIDs(under: topic).count
        out += "\(topic.id) · \(Output.safe(topic.source.description)) · \(Plural.count(count, "resource"))\n"
        let tally = rollup.tally(of: topic.id)
        if tally.total > 0 {
            out += ProgressBar.line(done: tally.done, of: tally.counted, width: 20) + "\n"
        }
        out += annotationText(topic.id)
        let note = NoteRenderer.render(topic.note, width: width)
        // Prose is wrapped to the width; a code line is not, so it is cut there as the reader cuts it.
        let noteText = note.lines.map { DisplayWidth.clip($0.text, to: width) }.joined(separator: "\n")
        if !note.lines.isEmpty { out += "\n" + noteText + "\n" }
        if !topic.resourceIDs.isEmpty {
            out += "\nResources\n"
            for id in topic.resourceIDs {
                guard let resource = tree.resources[id] else { continue }
                let mark = progress.status(of: resource).mark
                for line in TextWrap.wrap("\(mark) \(Output.safe(resource.title))  \(resource.id)", width: width, indent: "") {
                    out += line + "\n"
                }
                if let line = progress.annotation(of: id)?.firstLine, !line.isEmpty {
                    out += "    ✎ " + Output.safe(line) + "\n"
                }
                if let url = resource.url { out += "    " + Output.safe(url) + "\n" }
                if !resource.description.isEmpty {
                    for line in TextWrap.wrap(Output.safe(resource.description), width: width, indent: "    ") {
                        out += line + "\n"
                    }
                }
            }
        }
        if !topic.children.isEmpty {
            out += "\nSub-topics\n"
            for child in topic.children {
                out += " • \(Output.safe(child.title)) (\(tree.resourceIDs(under: child).count))  \(child.id)\n"
            }
        }
        if !note.links.isEmpty {
            out += "\nLinks in the note\n"
            // Resolved as the dashboard resolves them, so both say the same of each link.
            let resolver = NoteLinkResolver(tree: tree)
            for (index, link) in note.links.enumerated() {
                out += "  [\(index + 1)] " + linkText(resolver.resolve(link, from: topic)) + "\n"
            }
        }
        return out
    }

    /// A web link as written; a link to a note as written, then the topic's place and ID; a
    /// link that cannot be followed as the reason, which names it.
    private func linkText(_ link: NoteLink) -> String {
        switch link.target {
        case .web: return Output.safe(link.written)
        case .topic(let id):
            let place = lookup.index.topic(id: id).map { $0.titles.joined(separator: " › ") } ?? id
            return Output.safe(link.written) + " → " + Output.safe(place) + "  " + id
        case .unresolved(let reason): return Output.safe(reason)
        }
    }

    private func resourceText(_ resource: Resource) -> String {
        var out = Output.safe(resource.title) + "\n"
        out += "\(resource.id)"
        if let checkbox = resource.checkbox { out += " · checkbox \(checkbox ? "[x]" : "[ ]") in the notes" }
        out += "\n"
        let status = progress.status(of: resource)
        out += "Status: \(status.mark) \(status.rawValue)\n"
        out += annotationText(resource.id)
        if let url = resource.url { out += "\n" + Output.safe(url) + "\n" }
        if !resource.description.isEmpty {
            out += "\n" + TextWrap.wrap(Output.safe(resource.description), width: width).joined(separator: "\n") + "\n"
        }
        out += "\nListed under\n"
        for place in lookup.index.topics(listing: resource.id) {
            out += " • " + Output.safe(place.titles.joined(separator: " › ")) + "\n"
        }
        out += "\nSource\n"
        for place in resource.occurrences { out += "  " + Output.safe(place.description) + "\n" }
        return out
    }

    /// The learner's annotation, in full, as it was written.
    private func annotationText(_ id: String) -> String {
        guard let annotation = progress.annotation(of: id), let text = annotation.text else { return "" }
        var out = "\nYour annotation (updated \(LocalTime.display(annotation.updatedAt)))\n"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "  " + Output.safe(String(line)) + "\n"
        }
        return out
    }

    private func kind(_ item: ItemLookup.Item) -> String { StudySession.kindName(item) }

    // MARK: JSON

    func json(_ item: ItemLookup.Item) -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.show/1")
        switch item {
        case .topic(let topic, let path):
            writer.value("kind", "topic")
            writer.value("id", topic.id)
            writer.value("title", topic.title)
            writer.beginArray("path")
            for ancestor in path { writer.value(nil, ancestor.title) }
            writer.endArray()
            writer.value("source", topic.source.description)
            writer.value("note", topic.note)
            writer.value("resourceCount", tree.resourceIDs(under: topic).count)
            let tally = rollup.tally(of: topic.id)
            writer.beginObject("progress")
            for status in Status.allCases { writer.value(status.rawValue, tally[status]) }
            writer.value("percent", ProgressBar.percent(done: tally.done, of: tally.counted))
            writer.endObject()
            writer.value("annotation", progress.annotation(of: topic.id)?.text)
            writer.beginArray("resources")
            for id in topic.resourceIDs {
                guard let resource = tree.resources[id] else { continue }
                writer.beginObject()
                ResourceJSON.fields(resource, into: &writer)
                writer.value("status", progress.status(of: resource).rawValue)
                writer.value("annotation", progress.annotation(of: id)?.text)
                writer.endObject()
            }
            writer.endArray()
            writer.beginArray("children")
            for child in topic.children {
                writer.beginObject()
                writer.value("id", child.id)
                writer.value("title", child.title)
                writer.value("resourceCount", tree.resourceIDs(under: child).count)
                writer.endObject()
            }
            writer.endArray()
        case .resource(let resource):
            writer.value("kind", "resource")
            ResourceJSON.fields(resource, into: &writer)
            writer.value("status", progress.status(of: resource).rawValue)
            writer.value("annotation", progress.annotation(of: resource.id)?.text)
            writer.beginArray("occurrences")
            for place in resource.occurrences { writer.value(nil, place.description) }
            writer.endArray()
            writer.beginArray("topics")
            for place in lookup.index.topics(listing: resource.id) { writer.value(nil, place.topic.id) }
            writer.endArray()
        }
        writer.endObject()
        return writer.bytes
    }

    func candidatesJSON(_ candidates: [ItemLookup.Item]) -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.show/1")
        writer.value("error", "ambiguous")
        writer.beginArray("candidates")
        for candidate in candidates {
            writer.beginObject()
            writer.value("id", candidate.id)
            writer.value("kind", kind(candidate))
            writer.value("title", candidate.title)
            writer.beginArray("place")
            for title in lookup.place(of: candidate) { writer.value(nil, title) }
            writer.endArray()
            writer.value("url", candidate.url)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
