/// How a role looks without colour (`NO_COLOR`, a monochrome terminal): as attributes alone, so
/// that the roles that must stand out still do. Kept here, not in the terminal layer, so that a
/// test can draw a screen as a monochrome terminal shows it.
extension CellStyle.Role {
    public var monochrome: CellStyle.Attributes {
        switch self {
        case .heading, .done, .accent, .warning, .codeKeyword: [.bold]
        case .link: [.underline]
        // Not reverse: the cursor's row is reversed, and a match on it must still show.
        case .match: [.bold, .underline]
        case .skipped, .codeComment: [.dim]
        // Inline code has no frame around it: reversed, it is told from prose without colour.
        case .code: [.reverse]
        case .plain, .learning, .codeBlock, .codeLiteral: []
        }
    }
}

extension CellStyle {
    /// This style as a monochrome terminal draws it: its role's attributes added, the role gone.
    /// A role's reverse toggles the cell's, so that inline code on the reversed cursor row is
    /// drawn unreversed and still stands out.
    public var monochrome: CellStyle {
        var result = attributes.union(role.monochrome.subtracting(.reverse))
        if role.monochrome.contains(.reverse) { result.formSymmetricDifference(.reverse) }
        return CellStyle(result, role: .plain)
    }
}
