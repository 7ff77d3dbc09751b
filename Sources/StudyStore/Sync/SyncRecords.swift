import StudyCore

/// The values sync moves between devices, as the store sees them: what this device has to write
/// to its file, what another device's file said, and how far that file has been read.

/// A value with the device that wrote it: on equal times the greater device ID wins, so that
/// every device settles on the same value whatever order it merged them in.
public struct FromDevice<Value: Sendable>: Sendable {
    public var value: Value
    public var device: String

    public init(_ value: Value, device: String) {
        self.value = value
        self.device = device
    }
}

/// Events and the current values of the items they touched: one batch of a device's file.
public struct SyncBatch: Sendable {
    public var events: [ProgressEvent] = []
    public var states: [FromDevice<ItemState>] = []
    public var annotations: [FromDevice<Annotation>] = []
    public var items: [KnownItem] = []

    public init() {}

    public var isEmpty: Bool { events.isEmpty && states.isEmpty && annotations.isEmpty && items.isEmpty }
}

/// What this device has not yet written to its own file.
public struct SyncOutbox: Sendable {
    public var batch: SyncBatch
    /// The last event in the batch, by rowid: `markSent` records it once the batch is on disk.
    public var lastRowid: Int64
}

/// How far another device's file has been merged: the bytes and lines read, and a fingerprint
/// of the bytes just before that point, so that a file rewritten behind our back is noticed and
/// read again whole instead of being read on from the wrong place.
public struct SyncCursor: Sendable, Equatable {
    public var bytes: Int64
    public var lines: Int
    public var tailHash: String
    public var events: Int

    public init(bytes: Int64, lines: Int, tailHash: String, events: Int) {
        self.bytes = bytes
        self.lines = lines
        self.tailHash = tailHash
        self.events = events
    }

    public static let start = SyncCursor(bytes: 0, lines: 0, tailHash: "", events: 0)
}

/// Another device this store has merged from.
public struct SyncPeer: Sendable, Equatable {
    public var device: String
    public var cursor: SyncCursor
    public var mergedAt: Timestamp
}

/// This device: its ID and how much of its log its own file holds.
public struct SyncSelf: Sendable, Equatable {
    public var device: String
    public var sentRowid: Int64
    public var sentEvents: Int
    /// The size of its own file after the last write, to notice a file that lost lines.
    public var fileBytes: Int64
}
