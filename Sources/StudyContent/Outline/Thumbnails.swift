import CCmarkGFM

/// Which lesson a thumbnail link belongs to. Course repositories write a lesson as a video
/// thumbnail (`<a href="https://youtube…"><img …></a>`, or `[![…](thumb.jpg)](https://…)`) and
/// a heading, in one of two orders. A thumbnail right after a heading is that heading's. A
/// thumbnail right before a heading, with other content of its own section before it, is the
/// next heading's: it opens the next lesson. One between two headings follows the form the file
/// uses elsewhere (before-the-heading when more thumbnails stand so, else after).
enum Thumbnails {
    /// Indices of the top-level blocks that belong to the heading after them.
    static func leading(_ blocks: [CmarkNode]) -> Set<Int> {
        var before: [Int] = []
        var between: [Int] = []
        var afterCount = 0
        for (index, block) in blocks.enumerated() {
            let nextIsHeading = index + 1 < blocks.count && blocks[index + 1].type == CMARK_NODE_HEADING
            let previousIsHeading = index > 0 && blocks[index - 1].type == CMARK_NODE_HEADING
            // Only a block touching a heading matters, and only those are looked into.
            guard nextIsHeading || previousIsHeading, isThumbnail(block) else { continue }
            switch (previousIsHeading, nextIsHeading) {
            case (true, true): between.append(index)
            case (false, true): before.append(index)
            default: afterCount += 1
            }
        }
        return Set(before.count > afterCount ? before + between : before)
    }

    /// A paragraph or HTML block that shows nothing but links wrapping images.
    static func isThumbnail(_ block: CmarkNode) -> Bool {
        switch block.type {
        case CMARK_NODE_HTML_BLOCK:
            let literal = block.literal
            guard literal.contains("href") else { return false }
            let (anchors, otherText) = HTMLAnchors.scan(literal)
            return !anchors.isEmpty && !otherText && anchors.allSatisfy(\.hasImage)
        case CMARK_NODE_PARAGRAPH:
            var image = false
            var text = false
            var linkDepth = 0
            block.walkDescendants(enter: { node in
                switch node.type {
                case CMARK_NODE_IMAGE: image = image || linkDepth > 0
                case CMARK_NODE_LINK: linkDepth += 1
                case CMARK_NODE_HTML_INLINE:
                    guard let tag = HTMLTag(node.literal[...]) else { break }
                    if tag.name == "a" { linkDepth = tag.isClosing ? max(0, linkDepth - 1) : (tag.webLink == nil ? linkDepth : linkDepth + 1) }
                    if tag.name == "img" { image = image || linkDepth > 0 }
                case CMARK_NODE_TEXT:
                    // The alt text of an image is the image's; other text outside a link is prose.
                    if linkDepth == 0, node.literal.contains(where: { !$0.isWhitespace }) { text = true }
                default: break
                }
            }, exit: { node in
                if node.type == CMARK_NODE_LINK { linkDepth -= 1 }
            })
            return image && !text
        default:
            return false
        }
    }
}
