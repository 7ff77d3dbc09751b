import StudyCore
import StudyText

/// The topic tree as text (box-drawing branches, counts in a column) or as JSON.
struct TreeReport {
    let tree: ContentTree
    let depth: Int?
    /// Distinct resources at or below each topic, and where each topic's subtree ends, both by
    /// the topic's number in pre-order (a walk in tree order meets topic `n` `n`-th): arrays read
    /// in the order the walks below go, not a dictionary hashed by topic ID.
    private let counts: [Int]
    private let subtreeEnds: [Int]

    init(tree: ContentTree, depth: Int?) {
        self.tree = tree
        self.depth = depth
        (counts, subtreeEnds) = Self.rolledUpCounts(tree)
    }

    /// Computed bottom-up once: resources by number, each topic's subtree one run of the
    /// listings in tree order, a resource listed twice under a topic counted once there (stamped
    /// with the topic's visit).
    private static func rolledUpCounts(_ tree: ContentTree) -> (counts: [Int], subtreeEnds: [Int]) {
        var number: [String: Int] = [:]
        var listed: [Int] = []
        var topics = 0
        func flatten(_ topic: Topic) {
            topics += 1
            for id in topic.resourceIDs {
                // One lookup that numbers the ID when it is new: the listings are most of the work.
                let fresh = number.count
                let known = value(&number[id, default: fresh])
                listed.append(known)
            }
            for child in topic.children { flatten(child) }
        }
        number.reserveCapacity(tree.resources.count)
        for root in tree.roots { flatten(root) }
        var counts = [Int](repeating: 0, count: topics)
        var ends = [Int](repeating: 0, count: topics)
        var stamp = [Int](repeating: -1, count: number.count)
        var preorder = 0
        var next = 0
        func visit(_ topic: Topic) {
            let mark = preorder
            preorder += 1
            let start = next
            next += topic.resourceIDs.count
            for child in topic.children { visit(child) }
            var count = 0
            for index in start..<next where stamp[listed[index]] != mark {
                stamp[listed[index]] = mark
                count += 1
            }
            counts[mark] = count
            ends[mark] = preorder
        }
        for root in tree.roots { visit(root) }
        return (counts, ends)
    }

    private static func value(_ slot: inout Int) -> Int { slot }

    /// Calls `body` with each child of the topic numbered `number` and the child's number.
    private func forEachChild(of topic: Topic, number: Int, _ body: (Int, Topic, Int) -> Void) {
        var childNumber = number + 1
        for (index, child) in topic.children.enumerated() {
            body(index, child, childNumber)
            childNumber = subtreeEnds[childNumber]
        }
    }

    // MARK: Text

    func text(showIDs: Bool, showResources: Bool) -> String {
        var rows: [(label: String, count: String)] = []
        func visit(_ topic: Topic, number: Int, prefix: String, branch: String, level: Int) {
            let id = showIDs ? topic.id + "  " : ""
            rows.append((prefix + branch + id + Output.safe(topic.title), String(counts[number])))
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
            forEachChild(of: topic, number: number) { index, child, childNumber in
                let last = resourceRows.count + index == total - 1
                visit(child, number: childNumber, prefix: childPrefix, branch: last ? "└── " : "├── ", level: level + 1)
            }
        }
        var rootNumber = 0
        for root in tree.roots {
            visit(root, number: rootNumber, prefix: "", branch: "", level: 0)
            rootNumber = subtreeEnds[rootNumber]
        }

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
        var rootNumber = 0
        for root in tree.roots {
            write(root, number: rootNumber, level: 0, into: &writer)
            rootNumber = subtreeEnds[rootNumber]
        }
        writer.endArray()
        writer.endObject()
        writer.flush()
    }

    private func write(_ topic: Topic, number: Int, level: Int, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.value("id", topic.id)
        writer.value("title", topic.title)
        writer.value("kind", topic.kind.rawValue)
        writer.value("source", topic.source)
        writer.value("resourceCount", counts[number])
        writer.beginArray("resources")
        for id in topic.resourceIDs {
            if let resource = tree.resources[id] { ResourceJSON.write(resource, into: &writer) }
        }
        writer.endArray()
        writer.beginArray("children")
        if depth.map({ level < $0 }) ?? true {
            forEachChild(of: topic, number: number) { _, child, childNumber in
                write(child, number: childNumber, level: level + 1, into: &writer)
            }
        }
        writer.endArray()
        writer.endObject()
    }
}
