import StudyCore

/// Outlines to bytes and back, for the parse cache: counts, lines and lengths as LEB128 varints,
/// file stamps and checksums as 8 bytes little-endian, strings as a length then UTF-8. Reading
/// checks every length against what is left, so a truncated or damaged cache gives nil (and is
/// parsed afresh), never a crash or a wrong outline.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func fixed(_ value: Int64) { fixed(UInt64(bitPattern: value)) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A count, length or line: never negative.
    mutating func count(_ value: Int) { varint(UInt64(max(0, value))) }

    /// Any integer, zig-zag folded so that small negatives stay short.
    mutating func signed(_ value: Int) {
        let wide = Int64(value)
        varint(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func double(_ value: Double) { fixed(value.bitPattern) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func raw(_ other: UnsafeRawBufferPointer) { bytes.append(contentsOf: other) }
}

struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int

    init(_ buffer: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        self.buffer = buffer
        self.end = min(end ?? buffer.count, buffer.count)
        offset = min(start, self.end)
    }

    var atEnd: Bool { offset == end }

    mutating func fixed() -> UInt64? {
        guard end - offset >= 8 else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func fixedSigned() -> Int64? { fixed().map { Int64(bitPattern: $0) } }

    /// At most ten bytes, the last one ending the value; anything longer is damage.
    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 64 {
            let byte = buffer[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// A count or length: never more than the bytes left.
    mutating func count() -> Int? {
        guard let value = varint(), value <= UInt64(end - offset) else { return nil }
        return Int(value)
    }

    /// A non-negative value that fits an `Int32` (a line, a level).
    mutating func small() -> Int? {
        guard let value = varint(), value <= UInt64(Int32.max) else { return nil }
        return Int(value)
    }

    /// A zig-zag folded integer within `Int32`'s range.
    mutating func signed() -> Int? {
        guard let folded = varint() else { return nil }
        let value = Int64(bitPattern: folded >> 1) ^ -Int64(bitPattern: folded & 1)
        guard value >= Int64(Int32.min), value <= Int64(Int32.max) else { return nil }
        return Int(value)
    }

    mutating func double() -> Double? { fixed().map { Double(bitPattern: $0) } }

    mutating func byte() -> UInt8? {
        guard offset < end else { return nil }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length]), as: UTF8.self)
    }

    /// A slice of `length` bytes, skipped over.
    mutating func skip(_ length: Int) -> Range<Int>? {
        guard length >= 0, length <= end - offset else { return nil }
        defer { offset += length }
        return offset..<offset + length
    }

    /// A cheap checksum of a slice (64-bit words multiplied and mixed), to catch damage that
    /// lengths alone would not.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x100_0000_01B3
            hash ^= hash >> 29
            index += 8
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
            index += 1
        }
        return hash
    }
}

/// `FileOutline` ↔ bytes. A note or a resource's description longer than `heldNoteLength` is
/// not written in the outline: its bytes go to the cache's notes region (`NotesWriter`) and the
/// outline keeps where they are, so that reading the outlines never reads the prose.
enum OutlineCoding {
    static let heldNoteLength = 64

    /// How a note is written: none, in line, or as a place in the notes region.
    private enum NoteForm: UInt8 { case empty = 0, inline = 1, stored = 2 }

    /// Which of a resource's optional fields follow (one bit each), and whether its normalised
    /// URL is its URL as written (most are), so that one string serves both.
    private struct ResourceFlags: OptionSet {
        let rawValue: UInt8
        static let url = ResourceFlags(rawValue: 1 << 0)
        static let checkbox = ResourceFlags(rawValue: 1 << 1)
        static let checked = ResourceFlags(rawValue: 1 << 2)
        static let effort = ResourceFlags(rawValue: 1 << 3)
        static let normalized = ResourceFlags(rawValue: 1 << 4)
        static let normalizedIsURL = ResourceFlags(rawValue: 1 << 5)
        static let id = ResourceFlags(rawValue: 1 << 6)
    }

    private struct OutlineFlags: OptionSet {
        let rawValue: UInt8
        static let title = OutlineFlags(rawValue: 1 << 0)
        static let order = OutlineFlags(rawValue: 1 << 1)
        static let effort = OutlineFlags(rawValue: 1 << 2)
        static let skipped = OutlineFlags(rawValue: 1 << 3)
    }

    static func write(_ outline: FileOutline, to writer: inout ByteWriter, notes: inout NotesWriter) {
        var flags: OutlineFlags = []
        if outline.title != nil { flags.insert(.title) }
        if outline.order != nil { flags.insert(.order) }
        if outline.effort != nil { flags.insert(.effort) }
        if outline.skipped { flags.insert(.skipped) }
        writer.byte(flags.rawValue)
        if let title = outline.title { writer.string(title) }
        if let order = outline.order { writer.double(order) }
        if let effort = outline.effort { writer.signed(effort) }
        writer.count(outline.warnings.count)
        for warning in outline.warnings {
            writer.string(warning.location.file)
            writer.signed(warning.location.line)
            writer.string(warning.reason)
        }
        write(outline.root, to: &writer, notes: &notes)
    }

    private static func write(_ section: OutlineSection, to writer: inout ByteWriter, notes: inout NotesWriter) {
        writer.string(section.title)
        writer.count(section.level)
        writer.count(section.line)
        write(section.noteText, to: &writer, notes: &notes)
        writer.count(section.resources.count)
        for resource in section.resources {
            var flags: ResourceFlags = []
            if resource.url != nil { flags.insert(.url) }
            if let checked = resource.checkbox { flags.formUnion(checked ? [.checkbox, .checked] : .checkbox) }
            if resource.effortMinutes != nil { flags.insert(.effort) }
            if let normalized = resource.normalizedURL {
                flags.insert(normalized == resource.url ? .normalizedIsURL : .normalized)
            }
            if resource.id != nil { flags.insert(.id) }
            writer.byte(flags.rawValue)
            writer.string(resource.title)
            if let url = resource.url { writer.string(url) }
            write(resource.descriptionText, to: &writer, notes: &notes)
            writer.count(resource.line)
            if let effort = resource.effortMinutes { writer.signed(effort) }
            if flags.contains(.normalized), let normalized = resource.normalizedURL { writer.string(normalized) }
            if let id = resource.id { writer.string(id) }
        }
        writer.count(section.children.count)
        for child in section.children { write(child, to: &writer, notes: &notes) }
    }

    /// A note or a description: none, in line when short, else its place in the notes region.
    private static func write(_ text: NoteText, to writer: inout ByteWriter, notes: inout NotesWriter) {
        let string = text.string
        if string.isEmpty {
            writer.byte(NoteForm.empty.rawValue)
        } else if string.utf8.count <= heldNoteLength {
            writer.byte(NoteForm.inline.rawValue)
            writer.string(string)
        } else {
            writer.byte(NoteForm.stored.rawValue)
            let place = notes.append(string)
            writer.count(place.offset)
            writer.count(place.length)
            writer.fixed(place.checksum)
            writer.byte(text.isBlank ? 1 : 0)
        }
    }

    /// A text written by `write(_:to:notes:)`; nil when it does not read back whole.
    private static func readText(from reader: inout ByteReader, store: (any NoteStore)?) -> NoteText? {
        switch reader.byte().flatMap(NoteForm.init(rawValue:)) {
        case .empty: return NoteText("")
        case .inline: return reader.string().map(NoteText.init)
        case .stored:
            guard let store, let offset = reader.varint(), let length = reader.varint(), let checksum = reader.fixed(),
                  let blank = reader.byte(), blank <= 1, offset <= UInt64(Int.max), length <= UInt64(Int32.max)
            else { return nil }
            return NoteText(place: NoteText.Place(store: store, offset: Int(offset), length: Int(length), checksum: checksum),
                            isBlank: blank == 1)
        case nil: return nil
        }
    }

    /// Stored notes are read from `store` when shown; nil when any part does not read back whole.
    static func read(from reader: inout ByteReader, store: (any NoteStore)?) -> FileOutline? {
        guard let raw = reader.byte() else { return nil }
        let flags = OutlineFlags(rawValue: raw)
        guard flags.rawValue & ~0x0f == 0 else { return nil }
        var title: String?
        var order: Double?
        var effort: Int?
        if flags.contains(.title) { guard let value = reader.string() else { return nil }; title = value }
        if flags.contains(.order) { guard let value = reader.double() else { return nil }; order = value }
        if flags.contains(.effort) { guard let value = reader.signed() else { return nil }; effort = value }
        guard let warningCount = reader.count() else { return nil }
        var warnings: [ContentWarning] = []
        for _ in 0..<warningCount {
            guard let file = reader.string(), let line = reader.signed(), let reason = reader.string() else { return nil }
            warnings.append(ContentWarning(SourceLocation(file: file, line: line), reason))
        }
        guard let root = readSection(from: &reader, store: store, depth: 0) else { return nil }
        return FileOutline(title: title, order: order, effort: effort, root: root, warnings: warnings,
                           skipped: flags.contains(.skipped))
    }

    /// Headings nest at most six deep; a much deeper nesting can only be damage.
    private static func readSection(from reader: inout ByteReader, store: (any NoteStore)?, depth: Int) -> OutlineSection? {
        guard depth <= 64, let title = reader.string(), let level = reader.small(), let line = reader.small(),
              let note = readText(from: &reader, store: store) else { return nil }
        var section = OutlineSection(title: title, level: level, line: line)
        section.noteText = note
        guard let resourceCount = reader.count() else { return nil }
        section.resources.reserveCapacity(resourceCount)
        for _ in 0..<resourceCount {
            guard let raw = reader.byte() else { return nil }
            let flags = ResourceFlags(rawValue: raw)
            guard flags.rawValue & 0x80 == 0, let title = reader.string() else { return nil }
            var url: String?
            if flags.contains(.url) { guard let value = reader.string() else { return nil }; url = value }
            guard let description = readText(from: &reader, store: store), let line = reader.small() else { return nil }
            var effort: Int?
            if flags.contains(.effort) { guard let value = reader.signed() else { return nil }; effort = value }
            var normalized: String?
            if flags.contains(.normalized) { guard let value = reader.string() else { return nil }; normalized = value }
            if flags.contains(.normalizedIsURL) { guard let url else { return nil }; normalized = url }
            var id: String?
            if flags.contains(.id) { guard let value = reader.string() else { return nil }; id = value }
            section.resources.append(RawResource(title: title, url: url, descriptionText: description, line: line,
                                                 checkbox: flags.contains(.checkbox) ? flags.contains(.checked) : nil,
                                                 effortMinutes: effort, normalizedURL: normalized, id: id))
        }
        guard let childCount = reader.count() else { return nil }
        section.children.reserveCapacity(childCount)
        for _ in 0..<childCount {
            guard let child = readSection(from: &reader, store: store, depth: depth + 1) else { return nil }
            section.children.append(child)
        }
        return section
    }
}

/// The notes region of a cache being written: each long note's UTF-8, one after the other.
struct NotesWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ note: String) -> (offset: Int, length: Int, checksum: UInt64) {
        var note = note
        return note.withUTF8 { utf8 in
            let offset = bytes.count
            bytes.append(contentsOf: utf8)
            return (offset, utf8.count, ByteReader.checksum(UnsafeRawBufferPointer(utf8)))
        }
    }
}
