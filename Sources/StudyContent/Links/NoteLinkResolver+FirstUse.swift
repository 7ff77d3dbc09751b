import StudyCore

extension NoteLinkResolver {
    /// A resolver made when the first link is followed, not before: making one visits every
    /// topic and asks the disk about each folder, which the dashboard's first screen should not
    /// wait for (most sessions follow no link to another note).
    public static func onFirstUse(tree: ContentTree) -> @Sendable (_ written: String, _ topic: Topic) -> NoteLink {
        let slot = Slot(tree: tree)
        return { written, topic in slot.resolver.resolve(written, from: topic) }
    }

    /// Single-threaded use (the dashboard's loop), as `DashboardCaches`: unchecked Sendable is sound here.
    private final class Slot: @unchecked Sendable {
        let tree: ContentTree
        private var made: NoteLinkResolver?

        init(tree: ContentTree) { self.tree = tree }

        var resolver: NoteLinkResolver {
            if let made { return made }
            let resolver = NoteLinkResolver(tree: tree)
            made = resolver
            return resolver
        }
    }
}
