/// A cell's style as a monochrome terminal (`NO_COLOR`) draws it, worked out here rather than in
/// the terminal layer so that a test can draw a screen as such a terminal shows it.
extension CellStyle {
    /// Its role's attributes (`Role.monochrome`) added, the role gone. A role's reverse toggles
    /// the cell's, so that inline code or a highlight on the reversed cursor row is drawn
    /// unreversed and still stands out.
    public var monochrome: CellStyle {
        var result = attributes.union(role.monochrome.subtracting(.reverse))
        if role.monochrome.contains(.reverse) { result.formSymmetricDifference(.reverse) }
        return CellStyle(result, role: .plain)
    }
}
