/// Counted nouns for output ("1 resource", "2 resources"): the one place that picks the form,
/// so that no message says "1 resources".
public enum Plural {
    /// The count and the noun, singular for exactly one; the plural is the noun + "s" unless given.
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
