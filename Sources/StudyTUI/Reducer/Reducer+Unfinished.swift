import StudyCore

/// `]` / `[`: the next or previous resource still to study (learning or todo, never done or
/// skipped), in curriculum order from where the cursor is, across topics and areas. The tree
/// opens down to the topic that lists it and the resource is selected in the list.
extension Reducer {
    static func jumpToUnfinished(_ direction: Int, state: inout AppState) {
        let listings = curriculumListings(state.index)
        guard let from = startPosition(in: listings, state: state, forward: direction > 0) else { return }
        let candidates = direction > 0 ? Array(listings[from...]) : listings[..<from].reversed()
        guard let target = firstUnfinished(in: candidates, direction: direction, state: &state) else { return }
        state.reveal(target.node)
        state.detailCursor = state.selectedResources.firstIndex { $0.id == target.id } ?? 0
        state.focus = .detail
    }

    /// The first of `listings` still to study, or nil having said there is none that way.
    static func firstUnfinished(in listings: some Sequence<(node: Int, id: String)>, direction: Int,
                                state: inout AppState) -> (node: Int, id: String)? {
        let found = listings.first { listing in
            state.index.tree.resources[listing.id].map { isUnfinished($0, state: state) } ?? false
        }
        if let found { return found }
        state.say(direction > 0 ? "no unfinished resource after this one" : "no unfinished resource before this one")
        return nil
    }

    /// Learning or todo: what `]` / `[` stop at.
    static func isUnfinished(_ resource: Resource, state: AppState) -> Bool {
        let status = state.status(of: resource)
        return status == .learning || status == .todo
    }

    /// Every resource once, with the topic that first lists it, in the tree's depth-first order.
    static func curriculumListings(_ index: TopicIndex) -> [(node: Int, id: String)] {
        // The index numbers resources in the order they are first listed, each with its home
        // (the first topic to list it): no walk of every topic, no set of IDs per key.
        index.items.resourceIDs.enumerated().map { (index.items.homeNumber(ofResourceNumber: $0.offset), $0.element) }
    }

    /// Where the search starts: just past the selected resource in the list; in the tree, at the
    /// selected topic's first listing (going forward, it is included; going back, it is not).
    private static func startPosition(in listings: [(node: Int, id: String)], state: AppState,
                                      forward: Bool) -> Int? {
        if state.focus == .detail, let resource = state.selectedResource,
           let at = listings.firstIndex(where: { $0.id == resource.id }) {
            return forward ? at + 1 : at
        }
        guard let node = state.selectedNode else { return nil }
        return listings.firstIndex { $0.node >= node } ?? listings.count
    }
}
