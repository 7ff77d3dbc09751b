import CCmarkGFM

/// A thin, read-only view of a cmark-gfm node. Valid only while its document is alive
/// (inside `CmarkDocument.parse`'s closure); strings are copied out as Swift strings.
struct CmarkNode {
    let raw: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(raw) }
    /// "table", "table_row", "table_cell", "tasklist", "strikethrough", … for extension nodes.
    var typeString: String { String(cString: cmark_node_get_type_string(raw)) }
    var firstChild: CmarkNode? { cmark_node_first_child(raw).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(raw).map(CmarkNode.init) }
    var startLine: Int { Int(cmark_node_get_start_line(raw)) }
    var endLine: Int { Int(cmark_node_get_end_line(raw)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }
    var literal: String { cmark_node_get_literal(raw).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(raw).map { String(cString: $0) } ?? "" }
    var isOrderedList: Bool { cmark_node_get_list_type(raw) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(raw)) }

    /// A GFM task-list item (`- [ ]`, `- [x]`).
    var isTaskItem: Bool { type == CMARK_NODE_ITEM && typeString == "tasklist" }
    var isTaskChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(raw) }
    var isTableRowHeader: Bool { cmark_gfm_extensions_get_table_row_is_header(raw) != 0 }

    /// Calls `enter` for each node below this one in document order and `exit` after all of
    /// that node's own descendants, by following sibling and parent links, so that however deep
    /// the tree is, the walk takes no stack.
    func walkDescendants(enter: (CmarkNode) -> Void, exit: (CmarkNode) -> Void) {
        var next = firstChild
        while let node = next {
            enter(node)
            if let child = node.firstChild {
                next = child
                continue
            }
            // A leaf: leave it, then every ancestor whose last child it ends, up to this node.
            exit(node)
            var done = node
            next = nil
            while done.raw != raw {
                if let sibling = done.next {
                    next = sibling
                    break
                }
                guard let parent = done.parent, parent.raw != raw else { break }
                exit(parent)
                done = parent
            }
        }
    }

    var parent: CmarkNode? { cmark_node_parent(raw).map(CmarkNode.init) }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }
}
