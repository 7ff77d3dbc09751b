import Foundation
import StudyCore

/// Reads an exported document back, checking every field before anything is merged: a file that
/// is not an export, is malformed, or comes from a newer schema is refused as a whole.
extension ProgressDocument {
    public enum ParseError: Error, CustomStringConvertible {
        case malformed(String)
        case newerSchema(Int)

        public var description: String {
            switch self {
            case .malformed(let reason): reason
            case .newerSchema(let version):
                "it was exported by a newer StudyDash (schema version \(version); this one knows up to "
                    + "\(currentVersion)); upgrade StudyDash to import it"
            }
        }
    }

    public static func parse(_ data: Data) throws(ParseError) -> ProgressDocument {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformed("it is not valid JSON (\(Self.reason(error)))")
        }
        guard let object = root as? [String: Any], object["format"] as? String == format else {
            throw .malformed("it is not a StudyDash export (no \"format\": \"\(format)\" field)")
        }
        guard let version = object["schemaVersion"] as? Int, version >= 1 else {
            throw .malformed("\"schemaVersion\" is missing or not a positive whole number")
        }
        guard version <= currentVersion else { throw .newerSchema(version) }
        let fields = Fields(object, at: "")
        var document = ProgressDocument(schemaVersion: version, exportedAt: try fields.time("exportedAt"),
                                        app: object["app"] as? String, states: [], annotations: [], events: [], items: [])
        for entry in try fields.list("states") {
            let status: Status?
            if let name = try entry.optionalString("status") {
                guard let parsed = Status(rawValue: name) else {
                    throw .malformed("\(entry.at("status")): '\(name)' is not todo, learning, done or skipped")
                }
                status = parsed
            } else {
                status = nil
            }
            document.states.append(ItemState(itemID: try entry.id("id"), status: status,
                                             updatedAt: try entry.time("updatedAt")))
        }
        for entry in try fields.list("annotations") {
            document.annotations.append(Annotation(itemID: try entry.id("id"), text: try entry.optionalString("text"),
                                                   createdAt: try entry.time("createdAt"),
                                                   updatedAt: try entry.time("updatedAt")))
        }
        for entry in try fields.list("events") {
            let kindName = try entry.string("kind")
            guard let kind = ProgressEvent.Kind(rawValue: kindName) else {
                throw .malformed("\(entry.at("kind")): '\(kindName)' is not status, note, relink or revisit")
            }
            document.events.append(ProgressEvent(
                uid: try entry.id("uid"), change: try entry.id("change"), itemID: try entry.id("id"), kind: kind,
                old: try entry.optionalString("old"), new: try entry.optionalString("new"),
                at: try entry.time("at"), undoes: try entry.optionalString("undoes")))
        }
        // Items arrived with schema 2; a schema-1 export has none.
        for entry in try fields.list("items", required: version >= 2) {
            let kindName = try entry.string("kind")
            guard let kind = KnownItem.Kind(rawValue: kindName) else {
                throw .malformed("\(entry.at("kind")): '\(kindName)' is not resource or topic")
            }
            document.items.append(KnownItem(id: try entry.id("id"), kind: kind, title: try entry.string("title"),
                                            url: try entry.optionalString("url"),
                                            topicPath: try entry.strings("topicPath"),
                                            seenAt: try entry.time("seenAt")))
        }
        return document
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}

/// Typed access to one JSON object, with the path of each field in its error messages.
private struct Fields {
    let object: [String: Any]
    let place: String
    /// ` (item ID)`, or empty when the entry names no item.
    let item: String

    init(_ object: [String: Any], at place: String, item: String = "") {
        self.object = object
        self.place = place
        self.item = item
    }

    /// Where a field is, for messages: `states[3].updatedAt (item r3k7q9)`.
    func at(_ key: String) -> String { "\(place)\(key)\(item)" }

    typealias ParseError = ProgressDocument.ParseError

    func list(_ key: String, required: Bool = true) throws(ParseError) -> [Fields] {
        guard let value = object[key] else {
            if required { throw .malformed("\(at(key)) is missing") }
            return []
        }
        guard let array = value as? [Any] else { throw .malformed("\(at(key)) is not a list") }
        var result: [Fields] = []
        result.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            guard let entry = element as? [String: Any] else { throw .malformed("\(at(key))[\(index)] is not an object") }
            result.append(Fields(entry, at: "\(key)[\(index)].", item: Self.itemName(entry)))
        }
        return result
    }

    /// ` (item ID)` when the entry names one that can be shown, so that an error says which item
    /// is wrong, not only where in the file.
    private static func itemName(_ entry: [String: Any]) -> String {
        guard let id = entry["id"] as? String, isValidID(id) else { return "" }
        return " (item \(id))"
    }

    private static func isValidID(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.count <= 200 && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
    }

    func string(_ key: String) throws(ParseError) -> String {
        guard let value = object[key] as? String else { throw .malformed("\(at(key)) is missing or not a string") }
        return value
    }

    func optionalString(_ key: String) throws(ParseError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw .malformed("\(at(key)) is not a string or null") }
        return text
    }

    /// IDs are printable and short; anything else is not something StudyDash wrote.
    func id(_ key: String) throws(ParseError) -> String {
        let value = try string(key)
        guard Self.isValidID(value) else {
            throw .malformed("\(at(key)) is not a valid ID")
        }
        return value
    }

    func time(_ key: String) throws(ParseError) -> Timestamp {
        let value = try string(key)
        guard let time = Timestamp(iso8601: value) else {
            throw .malformed("\(at(key)): '\(value)' is not a real date and time in ISO 8601 form "
                + "such as 2026-11-23T09:41:07.250Z")
        }
        return time
    }

    func strings(_ key: String) throws(ParseError) -> [String] {
        guard let value = object[key] else { return [] }
        guard let array = value as? [String] else { throw .malformed("\(at(key)) is not a list of strings") }
        return array
    }
}
