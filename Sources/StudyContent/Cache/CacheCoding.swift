import StudyCore

/// Outlines to bytes and back, for the parse cache: integers little-endian, strings as a length
/// then UTF-8. Reading checks every length against what is left, so a truncated or damaged cache
/// gives nil (and is parsed afresh), never a crash or a wrong outline.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func double(_ value: Double) { int(Int64(bitPattern: value.bitPattern)) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        if let value {
            bytes.append(1)
            write(&self, value)
        } else {
            bytes.append(0)
        }
    }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int

    init(_ buffer: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        self.buffer = buffer
        offset = start
        self.end = min(end ?? buffer.count, buffer.count)
    }

    var atEnd: Bool { offset == end }

    mutating func int() -> Int64? {
        guard end - offset >= 8 else { return nil }
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + 8])) }
        offset += 8
        return Int64(littleEndian: value)
    }

    /// A count or length: never negative, never more than the bytes left.
    mutating func count() -> Int? {
        guard let value = int(), value >= 0, value <= Int64(end - offset) else { return nil }
        return Int(value)
    }

    mutating func small() -> Int? {
        guard let value = int(), value >= Int64(Int32.min), value <= Int64(Int32.max) else { return nil }
        return Int(value)
    }

    mutating func double() -> Double? { int().map { Double(bitPattern: UInt64(bitPattern: $0)) } }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length]), as: UTF8.self)
        offset += length
        return text
    }

    /// A slice of `length` bytes, skipped over.
    mutating func skip(_ length: Int) -> Range<Int>? {
        guard length >= 0, length <= end - offset else { return nil }
        defer { offset += length }
        return offset..<offset + length
    }

    mutating func flag() -> Bool? {
        guard offset < end else { return nil }
        defer { offset += 1 }
        switch buffer[offset] {
        case 0: return false
        case 1: return true
        default: return nil
        }
    }

    /// Nil when the value is damaged; `.some(nil)` when it was written as absent.
    mutating func optional<T>(_ read: (inout ByteReader) -> T?) -> T?? {
        guard let present = flag() else { return nil }
        guard present else { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    /// A cheap checksum of a slice (64-bit words multiplied and mixed), to catch damage that
    /// lengths alone would not.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> Int64 {
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
        return Int64(bitPattern: hash)
    }
}

/// `FileOutline` ↔ bytes.
enum OutlineCoding {
    static func write(_ outline: FileOutline, to writer: inout ByteWriter) {
        writer.optional(outline.title) { $0.string($1) }
        writer.optional(outline.order) { $0.double($1) }
        writer.optional(outline.effort) { $0.int($1) }
        writer.int(outline.skipped ? 1 : 0)
        writer.int(outline.warnings.count)
        for warning in outline.warnings {
            writer.string(warning.location.file)
            writer.int(warning.location.line)
            writer.string(warning.reason)
        }
        write(outline.root, to: &writer)
    }

    private static func write(_ section: OutlineSection, to writer: inout ByteWriter) {
        writer.string(section.title)
        writer.int(section.level)
        writer.int(section.line)
        writer.string(section.note)
        writer.int(section.resources.count)
        for resource in section.resources {
            writer.string(resource.title)
            writer.optional(resource.url) { $0.string($1) }
            writer.string(resource.description)
            writer.int(resource.line)
            writer.optional(resource.checkbox) { $0.int($1 ? 1 : 0) }
            writer.optional(resource.effortMinutes) { $0.int($1) }
            writer.optional(resource.normalizedURL) { $0.string($1) }
            writer.optional(resource.id) { $0.string($1) }
        }
        writer.int(section.children.count)
        for child in section.children { write(child, to: &writer) }
    }

    static func read(from reader: inout ByteReader) -> FileOutline? {
        guard let title = reader.optional({ $0.string() }),
              let order = reader.optional({ $0.double() }),
              let effort = reader.optional({ $0.small() }),
              let skipped = reader.small(),
              let warningCount = reader.count() else { return nil }
        var warnings: [ContentWarning] = []
        for _ in 0..<warningCount {
            guard let file = reader.string(), let line = reader.small(), let reason = reader.string() else { return nil }
            warnings.append(ContentWarning(SourceLocation(file: file, line: line), reason))
        }
        guard let root = readSection(from: &reader, depth: 0) else { return nil }
        return FileOutline(title: title, order: order, effort: effort, root: root, warnings: warnings,
                           skipped: skipped != 0)
    }

    /// Headings nest at most six deep; a much deeper nesting can only be damage.
    private static func readSection(from reader: inout ByteReader, depth: Int) -> OutlineSection? {
        guard depth <= 64, let title = reader.string(), let level = reader.small(), let line = reader.small(),
              let note = reader.string(), let resourceCount = reader.count() else { return nil }
        var section = OutlineSection(title: title, level: level, line: line, note: note)
        section.resources.reserveCapacity(resourceCount)
        for _ in 0..<resourceCount {
            guard let title = reader.string(), let url = reader.optional({ $0.string() }),
                  let description = reader.string(), let line = reader.small(),
                  let checkbox = reader.optional({ $0.small().map { $0 != 0 } }),
                  let effort = reader.optional({ $0.small() }),
                  let normalized = reader.optional({ $0.string() }),
                  let id = reader.optional({ $0.string() }) else { return nil }
            var resource = RawResource(title: title, url: nil, description: description, line: line,
                                       checkbox: checkbox, effortMinutes: effort)
            resource.url = url
            resource.normalizedURL = normalized
            resource.id = id
            section.resources.append(resource)
        }
        guard let childCount = reader.count() else { return nil }
        for _ in 0..<childCount {
            guard let child = readSection(from: &reader, depth: depth + 1) else { return nil }
            section.children.append(child)
        }
        return section
    }
}
