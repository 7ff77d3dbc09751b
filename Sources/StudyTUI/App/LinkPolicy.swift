/// Which links the dashboard will hand to a browser: only `http`, `https` and `file`, because a
/// notes folder is untrusted and other schemes can start programs.
public enum LinkPolicy {
    public static let schemes: Set<String> = ["http", "https", "file"]

    /// nil when the link may be opened, else why not (for the status bar).
    public static func refusal(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else {
            return "not opening '\(url)': it has no http, https or file scheme"
        }
        let scheme = url[..<colon].lowercased()
        guard schemes.contains(scheme), !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7f }) else {
            return "not opening '\(url)': only http, https and file links are opened"
        }
        return nil
    }
}
