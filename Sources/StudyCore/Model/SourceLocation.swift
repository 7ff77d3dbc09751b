/// Where something came from in the notes: a file path (as the content folder was given, joined
/// with the path inside it) and a 1-based line number (0 when the line is unknown).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { line > 0 ? "\(file):\(line)" : file }
}
