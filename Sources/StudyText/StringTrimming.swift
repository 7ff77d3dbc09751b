/// Small string helpers shared by the modules.
extension StringProtocol {
    public func trimmingWhitespace() -> String {
        let text = String(self)
        // Most strings need no trimming: check the ends' bytes before walking characters.
        if let first = text.utf8.first, let last = text.utf8.last, first > 32, first < 128, last > 32, last < 128 {
            return text
        }
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
