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
}
