import Foundation
import StudyApp
import StudyCore
import StudyStore
import Testing

/// Lines written and read back give the same values, through the fast reader or Foundation's.
@Suite struct SyncLinesTests {
    @Test(arguments: ["plain", "quotes \"and\" \\ slashes / ", "two\nlines\tand a tab", "escape \u{1b}[31m and \u{7f}",
                      "Überblick ✓ 日本語 🎓", ""])
    func noteTextRoundTrips(text: String) throws {
        var batch = SyncBatch()
        let note = Annotation(itemID: "r1", text: text.isEmpty ? nil : text, createdAt: Timestamp(milliseconds: 1),
                              updatedAt: Timestamp(milliseconds: 2))
        batch.annotations = [FromDevice(note, device: "0123456789abcdef")]
        batch.items = [KnownItem(id: "r1", kind: .resource, title: text, url: nil, topicPath: [text, "b"],
                                 seenAt: Timestamp(milliseconds: 3))]
        let bytes = SyncLines.encode(batch, device: "0123456789abcdef", at: Timestamp(milliseconds: 4))
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 3)
        guard case .success(.note(let read)) = SyncLines.parse(lines[1]) else { Issue.record("not a note line"); return }
        #expect(read.value == note && read.device == "0123456789abcdef")
        guard case .success(.item(let item)) = SyncLines.parse(lines[2]) else { Issue.record("not an item line"); return }
        #expect(item.title == text && item.topicPath == [text, "b"])
        // Foundation reads the same line the same way (spaces make the fast reader step aside).
        let spaced = Array(String(decoding: lines[1], as: UTF8.self).replacingOccurrences(of: "\",\"", with: "\", \"").utf8)
        guard case .success(.note(let again)) = SyncLines.parse(spaced[...]) else { Issue.record("spaced line unread"); return }
        #expect(again.value == note)
    }

    @Test func oddButValidJSONIsReadAndBadJSONNamed() {
        let odd = Array(#"{"type":"status","id":"r1","status":"done","updatedAt":"1970-01-01T00:00:00.005Z","device":"\u0030123456789abcdef","x":true}"#.utf8)
        guard case .success(.status(let state)) = SyncLines.parse(odd[...]) else { Issue.record("odd line unread"); return }
        #expect(state.device == "0123456789abcdef" && state.value.status == .done)
        let bad = Array(#"{"type":"status","id":"r1""#.utf8)
        guard case .failure(let error) = SyncLines.parse(bad[...]) else { Issue.record("bad line read"); return }
        #expect(error.description == "not valid JSON")
    }
}
