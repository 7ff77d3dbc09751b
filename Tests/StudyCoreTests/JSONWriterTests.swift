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
