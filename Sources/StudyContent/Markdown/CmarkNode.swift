#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

/// Parses Markdown with the GFM extensions StudyDash relies on.
enum CmarkDocument {
    /// Registers the GFM extensions once. cmark's registry is not thread-safe, so the loader
    /// calls this before it parses files in parallel.
    static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let finishLock = FinishLock()

    static let extensionNames = ["table", "tasklist", "autolink", "strikethrough"]

    static func parse<T>(_ text: String, _ body: (CmarkNode) -> T) -> T {
        precondition(extensionsRegistered)
        let parser = cmark_parser_new(studydash_cmark_options())!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        // Inline parsing (in `finish`) flips process-wide tables of special characters on and
        // off (cmark-gfm's `cmark_manage_extensions_special_characters`), so two finishes must
        // never overlap; block parsing (`feed`) has no such state and runs in parallel.
        finishLock.lock()
        let root = cmark_parser_finish(parser)!
        finishLock.unlock()
        defer { cmark_node_free(root) }
        return body(CmarkNode(raw: root))
    }
}

/// A plain pthread mutex: the lock must be taken around a C call that returns a pointer,
/// which `Mutex.withLock`'s sending rules do not allow.
final class FinishLock: @unchecked Sendable {
    // Heap-allocated: a pthread mutex must not move, which a Swift stored property may.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = .allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}
