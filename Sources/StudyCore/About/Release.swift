/// The one place StudyDash's version is written: `--version`, the man page test, the parse
/// cache's header, and the metadata of exports and sync files all read it from here, so that a
/// file always names the build that wrote it.
public enum Release {
    public static let version = "0.12.0"

    /// How a file names the build that wrote it (`"app"` in exports and sync headers).
    public static let writtenBy = "studydash \(version)"
}
