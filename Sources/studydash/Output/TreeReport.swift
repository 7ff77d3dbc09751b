import StudyCore
import StudyText

/// The topic tree as text (box-drawing branches, counts in a column) or as JSON.
struct TreeReport {
    let tree: ContentTree
    let depth: Int?
    private let counts: [String: Int]

    init(tree: ContentTree, depth: Int?) {
        self.tree = tree
        self.depth = depth
        counts = Self.rolledUpCounts(tree)
    }

    /// Distinct resources at or below every topic, computed bottom-up once: resources by
    /// number, each topic's subtree one run of the listings in tree order, a resource listed
    /// twice under a topic counted once there (stamped with the topic's visit).
    private static func rolledUpCounts(_ tree: ContentTree) -> [String: Int] {
        var number: [String: Int] = [:]
        var listed: [Int] = []
        func flatten(_ topic: Topic) {
            for id in topic.resourceIDs {
                if let known = number[id] {
                    listed.append(known)
                } else {
                    number[id] = number.count
                    listed.append(number.count - 1)
                }
            }
            for child in topic.children { flatten(child) }
        }
        for root in tree.roots { flatten(root) }
        var counts: [String: Int] = [:]
        var stamp = [Int](repeating: -1, count: number.count)
        var visits = 0
        var next = 0
        func visit(_ topic: Topic) {
            let start = next
            next += topic.resourceIDs.count
            for child in topic.children { visit(child) }
            let mark = visits
            visits += 1
            var count = 0
            for index in start..<next where stamp[listed[index]] != mark {
                stamp[listed[index]] = mark
                count += 1
            }
            counts[topic.id] = count
        }
        for root in tree.roots { visit(root) }
        return counts
    }

    // MARK: Text

    func text(showIDs: Bool, showResources: Bool) -> String {
        var rows: [(label: String, count: String)] = []
        func visit(_ topic: Topic, prefix: String, branch: String, level: Int) {
            let id = showIDs ? topic.id + "  " : ""
            rows.append((prefix + branch + id + Output.safe(topic.title), String(counts[topic.id] ?? 0)))
            if let depth, level >= depth { return }
            let childPrefix = prefix + (branch.isEmpty ? "" : (branch == "└── " ? "    " : "│   "))
            let resourceRows = showResources ? topic.resourceIDs.compactMap { tree.resources[$0] } : []
            let total = resourceRows.count + topic.children.count
            for (index, resource) in resourceRows.enumerated() {
                let last = index == total - 1
                let mark = resource.checkbox == true ? "[x] " : (resource.checkbox == false ? "[ ] " : "• ")
                let rid = showIDs ? resource.id + "  " : ""
                rows.append((childPrefix + (last ? "└── " : "├── ") + mark + rid + Output.safe(resource.title), ""))
            }
            for (index, child) in topic.children.enumerated() {
                let last = resourceRows.count + index == total - 1
                visit(child, prefix: childPrefix, branch: last ? "└── " : "├── ", level: level + 1)
            }
        }
        for root in tree.roots { visit(root, prefix: "", branch: "", level: 0) }

        let column = min(72, rows.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let countWidth = rows.map(\.count.count).max() ?? 0
        var out = ""
        for row in rows {
            out += row.label
            if !row.count.isEmpty {
                // Right-aligned, so that units stand under units.
                let pad = max(2, column - DisplayWidth.of(row.label) + 2) + countWidth - row.count.count
                out += String(repeating: " ", count: pad) + row.count
            }
            out += "\n"
        }
        let warnings = tree.warnings.count
        out += Plural.count(tree.topicCount, "topic") + ", " + Plural.count(tree.resources.count, "resource")
        out += warnings > 0 ? ", \(Plural.count(warnings, "warning")) (run `studydash check`)\n" : "\n"
        return out
    }

    // MARK: JSON

    /// Writes the JSON to standard output as it is produced.
    func writeJSON() {
        var writer = JSONWriter(pretty: Output.isTerminal, sink: Output.write)
        writer.beginObject()
        writer.value("schema", "studydash.tree/1")
        writer.value("resourceCount", tree.resources.count)
        writer.value("warningCount", tree.warnings.count)
        writer.beginArray("roots")
        for root in tree.roots { write(root, level: 0, into: &writer) }
        writer.endArray()
        writer.endObject()
        writer.flush()
    }

    private func write(_ topic: Topic, level: Int, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.value("id", topic.id)
        writer.value("title", topic.title)
        writer.value("kind", topic.kind.rawValue)
        writer.value("source", topic.source)
        writer.value("resourceCount", counts[topic.id] ?? 0)
        writer.beginArray("resources")
        for id in topic.resourceIDs {
            if let resource = tree.resources[id] { ResourceJSON.write(resource, into: &writer) }
        }
        writer.endArray()
        writer.beginArray("children")
        if depth.map({ level < $0 }) ?? true {
            for child in topic.children { write(child, level: level + 1, into: &writer) }
        }
        writer.endArray()
        writer.endObject()
    }
}
