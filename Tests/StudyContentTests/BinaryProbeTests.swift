import Testing
@testable import StudyContent

/// Where the NUL-byte probe of `FileDecoder` looks: the first 8 KB decide whether a notes file
/// is binary, a NUL further on is text like any other (a long note may quote one).
@Suite struct BinaryProbeTests {
    static func isSkipped(_ bytes: [UInt8]) -> Bool {
        if case .skipped = FileDecoder.decode(bytes, file: "x.md") { return true }
        return false
    }

    static func note(withNULAt offset: Int, length: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        bytes[offset] = 0
        return bytes
    }

    @Test func aNULWithinTheFirst8KBSkipsTheFile() {
        #expect(Self.isSkipped(Self.note(withNULAt: 0, length: 1)))
        #expect(Self.isSkipped(Self.note(withNULAt: 8191, length: 8192)))
        #expect(Self.isSkipped(Self.note(withNULAt: 8191, length: 20_000)))
        #expect(Self.isSkipped(Self.note(withNULAt: 100, length: 200)))
    }

    @Test func aNULPastTheFirst8KBIsText() {
        #expect(!Self.isSkipped(Self.note(withNULAt: 8192, length: 8193)))
        #expect(!Self.isSkipped(Self.note(withNULAt: 19_999, length: 20_000)))
        #expect(!Self.isSkipped([]))
        #expect(!Self.isSkipped(Array("# Title\n\ntext\n".utf8)))
    }
}
