import CCmarkGFM
import StudyText

/// A fenced or indented code block as the reader draws it: an open frame in a muted style whose
/// top names the language (`╭─ python ──`), the code beside a bar, coloured where the language is
/// one `SyntaxColouring` knows. Lines are not wrapped (code's line breaks mean something): a line
/// wider than the pane is cut where the pane ends.
enum CodeBlock {
    static func lines(literal: String, info: String, width: Int, prefix: [StyledSpan],
                      restPrefix: [StyledSpan]) -> [StyledLine] {
        var literal = literal
        if literal.hasSuffix("\n") { literal.removeLast() }
        let label = TerminalSafe.escape(String(info.split(separator: " ").first ?? ""))
        let language = CodeLanguage.named(label)
        let code = literal.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalSafe.escape(String($0).replacing("\t", with: "    ")) }
        let frame: TextStyle = [.codeBlock, .dim]
        // The first line's prefix (a list's marker) may be wider than the rest's: the frame fits after both.
        let available = max(2, width - max(StyledLine(prefix).width, StyledLine(restPrefix).width))
        // The frame as wide as the code (and its label), never wider than the pane.
        let widest = code.reduce(0) { max($0, DisplayWidth.of($1)) }
        let ruleWidth = min(available, max(widest + 2, DisplayWidth.of(label) + 4))
        var top = "╭─"
        if !label.isEmpty && available >= 5 { top += " " + DisplayWidth.clip(label, to: available - 4) + " " }
        top += String(repeating: "─", count: max(0, ruleWidth - DisplayWidth.of(top)))
        var lines = [StyledLine(prefix + [StyledSpan(top, frame)])]
        for text in code {
            let bar = StyledSpan(text.isEmpty ? "│" : "│ ", frame)
            lines.append(StyledLine(restPrefix + [bar] + SyntaxColouring.spans(text, language: language, base: .codeBlock)))
        }
        lines.append(StyledLine(restPrefix + [StyledSpan("╰" + String(repeating: "─", count: max(0, ruleWidth - 1)), frame)]))
        return lines
    }
}

extension CmarkNode {
    /// A fenced code block's info string (`python title="x"`), empty for an indented block.
    var fenceInfo: String { cmark_node_get_fence_info(raw).map { String(cString: $0) } ?? "" }
}
