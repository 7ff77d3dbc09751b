/// Padding text with spaces to a number of terminal columns, counted by display width (a wide
/// character takes two), so that columns of a table line up whatever script they hold. Text
/// already as wide is returned as it is, never cut (`DisplayWidth.clip` cuts).
extension String {
    /// Spaces after the text: a left-aligned column.
    public func padded(toColumns width: Int) -> String {
        let missing = width - DisplayWidth.of(self)
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }

    /// Spaces before the text: a right-aligned column (numbers, so that units stand under units).
    public func rightAligned(toColumns width: Int) -> String {
        let missing = width - DisplayWidth.of(self)
        return missing > 0 ? String(repeating: " ", count: missing) + self : self
    }
}
