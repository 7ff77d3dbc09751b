import Foundation
import StudyCore
import StudyStore

/// The lines of a device's sync file (`<device-id>.jsonl`), one JSON object each. Every batch a
/// sync appends starts with a header naming the format, its version and the device, so that a
/// file that is not ours is recognised on its first line and a newer StudyDash can start a newer
/// version at any batch. Then come the batch's events and the current value of every item they
/// touched (`status`, `note`, `item` lines), each in the fields an export uses (README "Sync").
public enum SyncLines {
    public static let format = "studydash-sync"
    /// The newest version of these lines this build reads and writes.
    public static let currentVersion = 1

    /// One line, read.
    public enum Line: Sendable {
        case header(version: Int, device: String)
        case event(ProgressEvent)
        case status(FromDevice<ItemState>)
        case note(FromDevice<Annotation>)
        case item(KnownItem)
    }

    // MARK: Writing

    /// The whole batch as lines, each ending in a newline: what one write appends.
    public static func encode(_ batch: SyncBatch, device: String, at time: Timestamp) -> [UInt8] {
        var out = LineWriter()
        out.line { $0.field("format", format); $0.field("schemaVersion", currentVersion); $0.field("device", device)
            $0.field("at", time.description); $0.field("app", Release.writtenBy) }
        for event in batch.events {
            out.line {
                $0.field("type", "event"); $0.field("uid", event.uid); $0.field("change", event.change)
                $0.field("id", event.itemID); $0.field("kind", event.kind.rawValue); $0.field("old", event.old)
                $0.field("new", event.new); $0.field("at", event.at.description); $0.field("undoes", event.undoes)
            }
        }
        for state in batch.states {
            out.line {
                $0.field("type", "status"); $0.field("id", state.value.itemID); $0.field("status", state.value.status?.rawValue)
                $0.field("updatedAt", state.value.updatedAt.description); $0.field("device", state.device)
            }
        }
        for note in batch.annotations {
            out.line {
                $0.field("type", "note"); $0.field("id", note.value.itemID); $0.field("text", note.value.text)
                $0.field("createdAt", note.value.createdAt.description)
                $0.field("updatedAt", note.value.updatedAt.description); $0.field("device", note.device)
            }
        }
        for item in batch.items {
            out.line {
                $0.field("type", "item"); $0.field("id", item.id); $0.field("kind", item.kind.rawValue)
                $0.field("title", item.title); $0.field("url", item.url); $0.field("topicPath", item.topicPath)
                $0.field("seenAt", item.seenAt.description)
            }
        }
        return out.bytes
    }

    // MARK: Reading

    /// Reads one line (without its newline); the error is the reason, for `file:line: reason`.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Result<Line, LineError> {
        let root: Any
        if let flat = FlatJSON.object(bytes) {
            root = flat
        } else {
            do {
                root = try JSONSerialization.jsonObject(with: Data(bytes))
            } catch {
                return .failure(LineError("not valid JSON"))
            }
        }
        guard let object = root as? [String: Any] else { return .failure(LineError("not a JSON object")) }
        let fields = LineFields(object: object)
        do {
            return .success(try line(fields))
        } catch {
            return .failure(error)
        }
    }

    public struct LineError: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    private static func line(_ fields: LineFields) throws(LineError) -> Line {
        if let name = fields.object["format"] {
            guard name as? String == format else { throw LineError("not a StudyDash sync line (\"format\" is not \"\(format)\")") }
            guard let version = fields.object["schemaVersion"] as? Int, version >= 1 else {
                throw LineError("\"schemaVersion\" is missing or not a positive whole number")
            }
            return .header(version: version, device: try fields.id("device"))
        }
        switch try fields.string("type") {
        case "event":
            let kindName = try fields.string("kind")
            guard let kind = ProgressEvent.Kind(rawValue: kindName) else {
                throw LineError("kind '\(TerminalSafeName.shortened(kindName))' is not status, note, relink or revisit")
            }
            return .event(ProgressEvent(uid: try fields.id("uid"), change: try fields.id("change"), itemID: try fields.id("id"),
                                        kind: kind, old: try fields.optionalString("old"), new: try fields.optionalString("new"),
                                        at: try fields.time("at"), undoes: try fields.optionalString("undoes")))
        case "status":
            let status: Status?
            if let name = try fields.optionalString("status") {
                guard let parsed = Status(rawValue: name) else { throw LineError("status '\(TerminalSafeName.shortened(name))' is not todo, learning, done or skipped") }
                status = parsed
            } else {
                status = nil
            }
            return .status(FromDevice(ItemState(itemID: try fields.id("id"), status: status, updatedAt: try fields.time("updatedAt")),
                                      device: try fields.id("device")))
        case "note":
            return .note(FromDevice(Annotation(itemID: try fields.id("id"), text: try fields.optionalString("text"),
                                               createdAt: try fields.time("createdAt"), updatedAt: try fields.time("updatedAt")),
                                    device: try fields.id("device")))
        case "item":
            let kindName = try fields.string("kind")
            guard let kind = KnownItem.Kind(rawValue: kindName) else { throw LineError("kind '\(TerminalSafeName.shortened(kindName))' is not resource or topic") }
            guard let path = (fields.object["topicPath"] ?? [String]()) as? [String] else {
                throw LineError("\"topicPath\" is not a list of strings")
            }
            return .item(KnownItem(id: try fields.id("id"), kind: kind, title: try fields.string("title"),
                                   url: try fields.optionalString("url"), topicPath: path, seenAt: try fields.time("seenAt")))
        case let other:
            throw LineError("type '\(TerminalSafeName.shortened(other))' is not event, status, note or item")
        }
    }
}

/// Typed access to one line's fields.
private struct LineFields {
    let object: [String: Any]
    typealias LineError = SyncLines.LineError

    func string(_ key: String) throws(LineError) -> String {
        guard let value = object[key] as? String else { throw LineError("\"\(key)\" is missing or not a string") }
        return value
    }

    func optionalString(_ key: String) throws(LineError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw LineError("\"\(key)\" is not a string or null") }
        return text
    }

    /// IDs are printable and short, as the store's own are.
    func id(_ key: String) throws(LineError) -> String {
        let value = try string(key)
        guard !value.isEmpty, value.utf8.count <= 200,
              value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }) else {
            throw LineError("\"\(key)\" is not a valid ID")
        }
        return value
    }

    func time(_ key: String) throws(LineError) -> Timestamp {
        let value = try string(key)
        guard let time = Timestamp(iso8601: value) else { throw LineError("\"\(key)\" is not a date and time in ISO 8601 form") }
        return time
    }
}

/// A word from a file, cut short for a message (the message is made terminal-safe where it is shown,
/// but newlines are kept there, so a line break here becomes "?": one warning stays one line).
enum TerminalSafeName {
    static func shortened(_ text: String) -> String {
        let short = text.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
        return String(String.UnicodeScalarView(short.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
    }
}

/// Writes compact JSON objects, one a line. JSONWriter holds one document; these lines are
/// many small ones, written into one buffer for a single append.
private struct LineWriter {
    var bytes: [UInt8] = []
    private var first = true

    mutating func line(_ body: (inout LineWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        first = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A JSON string: quotes, backslashes and every control character escaped, so that a line
    /// never holds a raw newline.
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
