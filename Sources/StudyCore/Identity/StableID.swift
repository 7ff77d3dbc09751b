/// Short, stable IDs for topics and resources.
///
/// An ID is a one-letter kind (`r` resource, `t` topic) and ten characters of lower-case
/// base32 (digits and letters without i, l, o, u) taken from a 64-bit hash of a key:
///   - a resource with a URL: `url ` + the normalised URL (see `URLNormalizer`), so editing
///     prose, reordering, or moving it to another topic keeps its ID;
///   - a resource without a URL: `task ` + its topic path and title, case- and space-folded;
///   - a topic: `topic ` + its path of titles below the content folder, case- and space-folded.
/// The hash is FNV-1a over the UTF-8 bytes followed by the SplitMix64 finaliser: fixed by this
/// file forever, since stored progress refers to these IDs.
public enum StableID {
    public static func resource(normalizedURL: String) -> String {
        // The same bytes as hashing `"url " + normalizedURL`, without joining them into a new
        // string per resource: the prefix's state is kept, and the URL fed where it lies.
        var url = normalizedURL
        let state = url.withUTF8 { feed(urlKeyState, $0) }
        return encode(finish(state), kind: UInt8(ascii: "r"))
    }

    /// FNV-1a state after `"url "`, the opening of every resource key with a URL.
    private static let urlKeyState = feed(offsetBasis, "url ".utf8)

    public static func task(topicPath: [String], title: String) -> String {
        PathKey(topicPath).taskID(title: title)
    }

    public static func topic(path: [String]) -> String {
        PathKey(path).topicID
    }

    /// Ten base32 characters naming any key (no kind letter, no folding): for names that must
    /// be stable but are not items, such as the resume file of a set of notes folders.
    public static func digest(_ key: String) -> String {
        encode(hash(key))
    }

    /// A topic's path of titles, hashed as it grows: a child's key extends its parent's instead
    /// of folding and hashing the whole path again, so a long title above many sub-topics costs
    /// once, not once per sub-topic. The same bytes are hashed as `topic(path:)` and
    /// `task(topicPath:title:)` always did (`"topic "` or `"task "`, then the folded titles
    /// joined by `/`), so the IDs are the same.
    public struct PathKey: Hashable, Sendable {
        private var topic: UInt64
        private var task: UInt64
        private var isEmpty: Bool

        public static let empty = PathKey(topic: feed(offsetBasis, "topic ".utf8), task: feed(offsetBasis, "task ".utf8), isEmpty: true)

        private init(topic: UInt64, task: UInt64, isEmpty: Bool) {
            self.topic = topic
            self.task = task
            self.isEmpty = isEmpty
        }

        public init(_ path: [String]) {
            self = path.reduce(.empty) { $0.appending($1) }
        }

        public func appending(_ title: String) -> PathKey {
            var next = self
            next.append(title)
            return next
        }

        /// Feeds `/` (unless first) and the folded title to both hashes: an ASCII title is
        /// folded on the way in (the same bytes `fold` gives, without making them a string),
        /// any other through `fold`.
        private mutating func append(_ title: String) {
            var title = title
            let folded: (topic: UInt64, task: UInt64)? = title.withUTF8 { bytes in
                var topic = self.topic
                var task = self.task
                if !isEmpty {
                    topic = (topic ^ UInt64(UInt8(ascii: "/"))) &* StableID.prime
                    task = (task ^ UInt64(UInt8(ascii: "/"))) &* StableID.prime
                }
                var wroteAny = false
                var pendingSpace = false
                for byte in bytes {
                    if byte >= 0x80 { return nil }
                    if byte == 32 || (9...13).contains(byte) {
                        pendingSpace = wroteAny
                        continue
                    }
                    if pendingSpace {
                        topic = (topic ^ 32) &* StableID.prime
                        task = (task ^ 32) &* StableID.prime
                    }
                    pendingSpace = false
                    let lowered = UInt64((65...90).contains(byte) ? byte + 32 : byte)
                    topic = (topic ^ lowered) &* StableID.prime
                    task = (task ^ lowered) &* StableID.prime
                    wroteAny = true
                }
                return (topic, task)
            }
            if let folded {
                topic = folded.topic
                task = folded.task
            } else {
                // Not ASCII: the standard library folds case and spacing (see `fold`).
                let text = fold(title)
                if !isEmpty {
                    topic = StableID.feed(topic, CollectionOfOne(UInt8(ascii: "/")))
                    task = StableID.feed(task, CollectionOfOne(UInt8(ascii: "/")))
                }
                topic = StableID.feed(topic, text.utf8)
                task = StableID.feed(task, text.utf8)
            }
            isEmpty = false
        }

        /// The ID of the topic at this path.
        public var topicID: String { encode(finish(topic), kind: UInt8(ascii: "t")) }

        /// The ID of a task item (a resource without a link) titled `title` in this topic.
        public func taskID(title: String) -> String {
            var key = self
            key.append(title)
            return encode(finish(key.task), kind: UInt8(ascii: "r"))
        }
    }

    /// Case- and white-space-insensitive form of a title, so that cosmetic edits keep IDs.
    public static func fold(_ title: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for byte in title.utf8 {
            if byte >= 0x80 {
                // Not ASCII: let the standard library fold case and spacing.
                return title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            if byte == 32 || (9...13).contains(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(32) }
            pendingSpace = false
            bytes.append((65...90).contains(byte) ? byte + 32 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hash(_ key: String) -> UInt64 {
        finish(feed(offsetBasis, key.utf8))
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a over `bytes`, continuing from `state`.
    private static func feed(_ state: UInt64, _ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = state
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* prime
        }
        return h
    }

    /// SplitMix64 finaliser: spreads near-identical keys across all bits.
    private static func finish(_ state: UInt64) -> UInt64 {
        var h = state
        h = (h ^ (h >> 30)) &* 0xbf58_476d_1ce4_e5b9
        h = (h ^ (h >> 27)) &* 0x94d0_49bb_1331_11eb
        return h ^ (h >> 31)
    }

    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    static func encode(_ value: UInt64) -> String {
        // Ten ASCII bytes: a small string, made without an allocation.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            fill(buffer, from: 0, with: value)
            return String(decoding: buffer, as: UTF8.self)
        }
    }

    /// The kind letter then `encode(value)`, as one string: the same as `"t" + encode(value)`
    /// without making the ten characters a string first and joining two (tens of thousands of
    /// IDs are made on every start).
    static func encode(_ value: UInt64, kind: UInt8) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 11) { buffer in
            buffer[0] = kind
            fill(buffer, from: 1, with: value)
            return String(decoding: buffer, as: UTF8.self)
        }
    }

    private static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int, with value: UInt64) {
        var v = value
        for index in start..<start + 10 {
            buffer[index] = alphabet[Int(v & 31)]
            v >>= 5
        }
    }
}
