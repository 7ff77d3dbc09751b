import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyText

/// The CSV and Markdown exports: the notes' resources with their status and the learner's
/// annotations (the CSV's `annotation` column).
/// Entries whose item has left the notes are included too, so an export never drops anything.
/// No control character from the notes or the store is written, to a terminal or a file: each
/// becomes a visible symbol (`TerminalSafe`), keeping only line breaks and tabs in text.
enum ProgressTables {
    // MARK: CSV

    /// Returns the number of rows (resources) written.
    static func csv(_ session: StudySession, into file: OutputFile) throws -> Int {
        let progress = try session.progress()
        let states = try storeCall { try session.store.states() }
        var updated: [String: Timestamp] = [:]
        for state in states { updated[state.itemID] = state.updatedAt }
        file.write("id,title,url,status,topic,annotation,updated_at,in_notes\r\n")
        var seen = Set<String>()
        var rows = 0
        for root in session.tree.roots {
            for id in session.tree.resourceIDs(under: root) where seen.insert(id).inserted {
                guard let resource = session.tree.resources[id] else { continue }
                let place = (session.index.trail(of: id) ?? []).joined(separator: " › ")
                file.write(row([id, resource.title, resource.url ?? "", progress.status(of: resource).rawValue, place,
                                progress.annotation(of: id)?.text ?? "", updated[id]?.description ?? "", "yes"]))
                rows += 1
            }
        }
        for orphan in try storeCall({ try session.store.orphans(present: session.isPresent) })
        where orphan.known?.kind != .topic {
            file.write(row([orphan.id, orphan.known?.title ?? "", orphan.known?.url ?? "", orphan.status?.rawValue ?? "",
                            orphan.known?.topicPath.joined(separator: " › ") ?? "", orphan.annotation?.text ?? "",
                            updated[orphan.id]?.description ?? "", "no"]))
            rows += 1
        }
        return rows
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
    private static func row(_ fields: [String]) -> String {
        fields.map { raw in
            let field = printable(raw)
            return field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }

    // MARK: Markdown

    /// Returns the number of resources written.
    static func markdown(_ session: StudySession, into file: OutputFile) throws -> Int {
        let progress = try session.progress()
        let rollup = ProgressRollup(index: session.index, progress: progress)
        let overall = rollup.overall
        let date = CivilDate(day: LocalTime.today(session.store.clock))
        file.write("# Study progress\n\n")
        var resources = Set<String>()  // one resource may sit under several topics
        file.write("Exported by StudyDash \(Release.version) on \(date): \(summary(overall)).\n")
        for root in session.tree.roots {
            root.forEach { topic, path in
                var out = "\n"
                let level = path.count + 2
                let tally = rollup.tally(of: topic.id)
                let heading = "\(escape(topic.title)) — \(summary(tally))"
                out += level <= 6 ? String(repeating: "#", count: level) + " " + heading + "\n" : "**" + heading + "**\n"
                if let annotation = progress.annotation(of: topic.id)?.text { out += "\n" + quote(annotation) }
                if !topic.resourceIDs.isEmpty { out += "\n" }
                for id in topic.resourceIDs {
                    guard let resource = session.tree.resources[id] else { continue }
                    out += item(resource, progress.status(of: resource), progress.annotation(of: id)?.text)
                    resources.insert(id)
                }
                if tally.total == 0 && topic.resourceIDs.isEmpty && progress.annotation(of: topic.id) == nil {
                    return  // a topic with nothing to track would only add an empty heading
                }
                file.write(out)
            }
        }
        let orphans = try storeCall { try session.store.orphans(present: session.isPresent) }
        if !orphans.isEmpty {
            file.write("\n## No longer in the notes\n\n")
            for orphan in orphans {
                let title = orphan.known.flatMap { $0.title.isEmpty ? nil : $0.title } ?? orphan.id
                file.write(item(Resource(id: orphan.id, title: title, url: orphan.known?.url, description: "",
                                         source: SourceLocation(file: "", line: 0), checkbox: nil),
                                orphan.status ?? .todo, orphan.annotation?.text))
                resources.insert(orphan.id)
            }
        }
        return resources.count
    }

    private static func summary(_ tally: Tally) -> String {
        var text = "\(tally.done)/\(tally.counted) done (\(ProgressBar.percent(done: tally.done, of: tally.counted))%)"
        if tally.learning > 0 { text += ", \(tally.learning) learning" }
        if tally.skipped > 0 { text += ", \(tally.skipped) skipped" }
        return text
    }

    private static func item(_ resource: Resource, _ status: Status, _ annotation: String?) -> String {
        let box = status == .done ? "[x]" : "[ ]"
        var title = escape(resource.title)
        if let url = resource.url { title = "[\(title)](\(destination(url)))" }
        if status == .skipped { title = "~~\(title)~~" }
        var line = "- \(box) \(title)"
        if status == .learning || status == .skipped { line += " *(\(status.rawValue))*" }
        line += "\n"
        if let annotation { line += quote(annotation, indent: "  ") }
        return line
    }

    private static func quote(_ text: String, indent: String = "") -> String {
        withoutCarriageReturns(text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { indent + ($0.isEmpty ? ">" : "> " + escapeLine(String($0))) }.joined(separator: "\n") + "\n"
    }

    /// Characters that would start Markdown syntax in a title are escaped.
    private static func escape(_ text: String) -> String {
        var out = ""
        for character in TerminalSafe.escape(text) {
            if "\\`*_[]<>#|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// An annotation's line stays Markdown the learner wrote, but raw HTML is neutralised.
    private static func escapeLine(_ text: String) -> String {
        TerminalSafe.escape(text, keepTabs: true).replacingOccurrences(of: "<", with: "&lt;")
    }

    /// A link target is percent-encoded where it holds a control, so that it stays a link.
    private static func destination(_ raw: String) -> String {
        let url = percentEncodingControls(raw)
        return url.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" })
            ? "<" + url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">" : url
    }

    // MARK: Controls

    /// Text as it may appear in a file or on a terminal: line breaks (a Windows CRLF becomes a
    /// plain one) and tabs kept, every other control made visible.
    private static func printable(_ text: String) -> String {
        TerminalSafe.escape(withoutCarriageReturns(text), keepNewlines: true, keepTabs: true)
    }

    private static func withoutCarriageReturns(_ text: String) -> String {
        text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    private static func percentEncodingControls(_ url: String) -> String {
        guard url.unicodeScalars.contains(where: { TerminalSafe.escape(String($0)) != String($0) }) else { return url }
        var out = ""
        for scalar in url.unicodeScalars {
            let text = String(scalar)
            if TerminalSafe.escape(text) == text {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in text.utf8 { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            }
        }
        return out
    }
}
