/// Copying text to the system clipboard through the terminal: the OSC 52 escape sequence, which
/// xterm, kitty, iTerm2, WezTerm, Windows Terminal and tmux (`set-clipboard on`) understand, and
/// which also works over ssh. Terminals that do not know it ignore it.
enum Clipboard {
    /// The most base64 sent in one sequence. Terminals drop longer ones anyway (xterm and tmux
    /// cap theirs near 100 KB), and an 8 MB link would otherwise cost 11 MB of output.
    static let maximumPayload = 100_000

    /// `ESC ] 52 ; c ; <base64> BEL`: "c" is the clipboard selection. nil when the payload would
    /// be longer than `maximumPayload`.
    static func sequence(for text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard (bytes.count + 2) / 3 * 4 <= maximumPayload else { return nil }
        return Array("\u{1b}]52;c;".utf8) + base64(bytes) + [0x07]
    }

    /// What the status bar says instead of "copied" when `text` is too long for one sequence.
    static func tooLong(_ text: String) -> String {
        "not copied: the link is \(text.utf8.count / 1000) KB, and a terminal clipboard takes at most \(maximumPayload / 4 * 3 / 1000) KB"
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64 with padding (RFC 4648), which is what OSC 52 expects.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            let b0 = UInt32(bytes[index])
            let b1 = count > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = count > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            output.append(count > 1 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            output.append(count > 2 ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return output
    }
}
