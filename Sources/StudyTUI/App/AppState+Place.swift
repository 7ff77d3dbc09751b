import StudyCore

/// The dashboard's place as plain IDs (`StudyPlace`): reported on quit, taken back on reopening.
/// Taking a place is forgiving, since it may come from an older version of the notes: what is
/// gone is skipped, a topic that left falls back to its nearest ancestor still there.
extension AppState {
    /// Where the cursor, the tree and the reader are now.
    public var place: StudyPlace {
        var path: [String] = []
        var node = selectedNode
        while let current = node {
            path.insert(index.nodes[current].topic.id, at: 0)
            node = index.nodes[current].parent
        }
        // A kept search opened every match's ancestors to show them; the place keeps the
        // topics the learner had open (taking it back opens the cursor's ancestors anyway).
        let opened = highlighted?.before.expanded ?? expanded
        let open = index.nodes.indices.filter(opened.contains).map { index.nodes[$0].topic.id }
        var readerPlace: StudyPlace.ReaderPlace?
        if let reader {
            switch reader.subject {
            // A whole file's place is its cursor line, which the view is kept around.
            case .topic(let node): readerPlace = .init(topicID: index.nodes[node].topic.id, scroll: reader.cursor)
            case .resource(let id): readerPlace = .init(resourceID: id, scroll: reader.scroll)
            }
        }
        return StudyPlace(topicPath: path, resourceID: selectedResource?.id, expanded: open,
                          pane: focus == .detail ? .detail : .tree, reader: readerPlace)
    }

    /// Goes back to `place`, as far as the notes still hold it.
    public mutating func take(_ place: StudyPlace) {
        let open = NodeSet(place.expanded.compactMap(index.index(ofTopic:)))
        if !open.isEmpty { replaceExpanded(open) }
        guard let node = place.topicPath.reversed().lazy.compactMap(index.index(ofTopic:)).first else { return }
        reveal(node)
        detailCursor = place.resourceID.flatMap { id in selectedResources.firstIndex { $0.id == id } } ?? 0
        detailScroll = 0
        focus = place.pane == .detail && !selectedResources.isEmpty ? .detail : .tree
        guard let stored = place.reader else { return }
        var reader: Reader
        if let id = stored.topicID, let topic = index.index(ofTopic: id) {
            reader = ReaderReducer.reader(at: topic, state: self)
            reader.cursor = max(0, stored.scroll)
        } else if let id = stored.resourceID, index.tree.resources[id] != nil {
            reader = Reader(subject: .resource(id))
            reader.scroll = max(0, stored.scroll)
        } else {
            return
        }
        ReaderReducer.settle(&reader, state: self)
        overlay = .reader(reader)
    }
}
