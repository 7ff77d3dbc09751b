import StudyCore

/// Everything the store holds, as one value: what `export --format json` writes and `import`
/// reads back. The JSON form is documented in README ("Export format").
public struct ProgressDocument: Sendable {
    public static let format = "studydash-progress"

    /// The newest version of the export format this build reads. It follows the store's schema
    /// only where a migration changes what an export holds: v2 added `items`; v3 added a CHECK
    /// and no field; v4 added the `revisit` event kind, which an older StudyDash would refuse
    /// as a malformed event (see `version(for:)`).
    public static let currentVersion = 3

    /// The version an export of these events is written at: 3 only when it holds a revisit, so
    /// that an older StudyDash says "exported by a newer StudyDash" instead of calling the file
    /// malformed, and still reads every export that holds nothing it does not know.
    public static func version(for events: [ProgressEvent]) -> Int {
        events.contains { $0.kind == .revisit } ? 3 : 2
    }

    public var schemaVersion: Int
    public var exportedAt: Timestamp
    /// The build that wrote the file (`"studydash 0.12.0"`); nil in exports from before 0.8.0.
    /// Kept for whoever reads the file; import does not depend on it.
    public var app: String?
    public var states: [ItemState]
    public var annotations: [Annotation]
    public var events: [ProgressEvent]
    public var items: [KnownItem]

    public init(schemaVersion: Int, exportedAt: Timestamp, app: String? = Release.writtenBy, states: [ItemState],
                annotations: [Annotation], events: [ProgressEvent], items: [KnownItem]) {
        self.schemaVersion = schemaVersion
        self.exportedAt = exportedAt
        self.app = app
        self.states = states
        self.annotations = annotations
        self.events = events
        self.items = items
    }

    /// Streams the document as JSON into `writer` (flushing as it goes).
    public func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.value("format", Self.format)
        writer.value("schemaVersion", schemaVersion)
        writer.value("exportedAt", exportedAt.description)
        writer.value("app", app)
        writer.beginArray("states")
        for state in states {
            writer.beginObject()
            writer.value("id", state.itemID)
            writer.value("status", state.status?.rawValue)
            writer.value("updatedAt", state.updatedAt.description)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("annotations")
        for annotation in annotations {
            writer.beginObject()
            writer.value("id", annotation.itemID)
            writer.value("text", annotation.text)
            writer.value("createdAt", annotation.createdAt.description)
            writer.value("updatedAt", annotation.updatedAt.description)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("events")
        for (index, event) in events.enumerated() {
            writer.beginObject()
            writer.value("uid", event.uid)
            writer.value("change", event.change)
            writer.value("id", event.itemID)
            writer.value("kind", event.kind.rawValue)
            writer.value("old", event.old)
            writer.value("new", event.new)
            writer.value("at", event.at.description)
            writer.value("undoes", event.undoes)
            writer.endObject()
            if index % 1024 == 1023 { writer.flush() }
        }
        writer.endArray()
        writer.beginArray("items")
        for item in items {
            writer.beginObject()
            writer.value("id", item.id)
            writer.value("kind", item.kind.rawValue)
            writer.value("title", item.title)
            writer.value("url", item.url)
            writer.beginArray("topicPath")
            for title in item.topicPath { writer.value(nil, title) }
            writer.endArray()
            writer.value("seenAt", item.seenAt.description)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        writer.flush()
    }
}

/// What an import changed.
public struct MergeSummary: Sendable, Equatable {
    public var states = 0
    public var annotations = 0
    public var events = 0
    public var items = 0

    public init() {}

    public var isEmpty: Bool { states == 0 && annotations == 0 && events == 0 && items == 0 }
}
