import StudyCore

/// The largest annotation the dashboard saves, as the store accepts on every path in. A text
/// over it is refused with a message and kept where it is (the editor stays open on it).
public enum AnnotationLimit {
    /// 1 MiB of UTF-8: the core's number, which the store enforces too.
    public static let bytes = Annotation.maximumBytes

    /// Why `text` cannot be saved, or nil when it can.
    public static func refusal(_ text: String) -> String? {
        let size = text.utf8.count
        guard size > bytes else { return nil }
        return "this annotation is \(megabytes(size)); annotations are limited to 1 MB: shorten it (nothing was saved)"
    }

    static func megabytes(_ size: Int) -> String {
        let tenths = (size * 10 + bytes / 2) / bytes
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
