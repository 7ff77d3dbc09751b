import Foundation
import Testing
@testable import StudyCore

@Suite struct JSONWriterTests {
    @Test func escapesLikeJSON() {
        var writer = JSONWriter(pretty: false)
        writer.beginObject()
        writer.value("text", "a\"b\\c\nd\u{1B}e\u{9B}f")
        writer.value("n", 3)
        writer.value("none", nil as String?)
        writer.value("flag", true)
        writer.beginArray("list")
        writer.value(nil, "x")
        writer.endArray()
        writer.endObject()
        #expect(writer.string == #"{"text":"a\"b\\c\nd\u001be\u009bf","n":3,"none":null,"flag":true,"list":["x"]}"# + "\n")
    }

    /// Bidi embeddings, overrides and isolates could reorder the line a terminal shows the JSON
    /// on; escaped, the output has none of them raw and still reads back as the same text.
    @Test func escapesBidiControls() throws {
        let title = "a\u{202A}b\u{202E}c\u{2066}d\u{2069}e\u{2067}\u{2068}\u{202B}\u{202C}\u{202D}—\u{2065}\u{2070}"
        var writer = JSONWriter(pretty: false)
        writer.beginObject()
        writer.value("title", title)
        writer.endObject()
        #expect(writer.string == #"{"title":"a\u202ab\u202ec\u2066d\u2069e\u2067\u2068\u202b\u202c\u202d—\#u{2065}\#u{2070}"}"# + "\n")
        #expect(!writer.string.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        let parsed = try JSONSerialization.jsonObject(with: Data(writer.string.utf8)) as? [String: String]
        #expect(parsed?["title"] == title)
    }
}

/// The writer skips eight bytes at a time while none needs escaping: a byte that does must be
/// escaped wherever it falls in a word, and at the word's edges (and in a short tail).
@Suite struct JSONWriterWordTests {
    @Test func escapesEverySpecialByteAtEveryPosition() throws {
        let specials: [String] = ["\"", "\\", "\n", "\u{1B}", "\u{7F}", "\u{9B}", "\u{202E}", "é", "\u{0}"]
        for special in specials {
            for length in [1, 7, 8, 9, 15, 16, 17, 23] {
                for position in 0..<length {
                    var text = String(repeating: "a", count: length)
                    let at = text.index(text.startIndex, offsetBy: position)
                    text.replaceSubrange(at...at, with: special)
                    var writer = JSONWriter(pretty: false)
                    writer.value(nil, text)
                    let written = writer.string
                    // Nothing raw that a terminal would obey, and the same text read back.
                    #expect(!written.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
                    let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
                    #expect(parsed == text, "\(special.debugDescription) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func writesNumbersAndPlacesAsTheirText() {
        var writer = JSONWriter(pretty: false)
        writer.beginArray()
        for number in [0, 7, -7, 10, 1_234_567, Int.max, Int.min] { writer.value(nil, number) }
        writer.value(nil, SourceLocation(file: "notes/a \"b\".md", line: 12))
        writer.value(nil, SourceLocation(file: "notes", line: 0))
        writer.endArray()
        #expect(writer.string == #"[0,7,-7,10,1234567,9223372036854775807,-9223372036854775808,"notes/a \"b\".md:12","notes"]"# + "\n")
    }
}
