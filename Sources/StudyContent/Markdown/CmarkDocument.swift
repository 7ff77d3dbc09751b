#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCmarkGFM

/// Parses Markdown with the GFM extensions StudyDash relies on, many files at once.
///
/// cmark-gfm keeps the inline parser's special characters in process-wide tables, and each
/// parse turns its extensions' characters on at the start of its inline pass and off at the end
/// (`cmark_manage_extensions_special_characters`, in `cmark_parser_finish`): a parse that turned a
/// character off while another was in its inline pass would make that one miss what the
/// character starts. Of the extensions attached, only two have such characters (checked on
/// Debian's 0.29.0.gfm.6: table and tasklist have none, and the block pass, `feed`, never
/// touches the tables):
///   - autolink (`:` for bare URLs, `w` for `www.` links): its characters are turned on once,
///     for good, and its list is emptied, so no parse turns them off again. Its matcher is
///     offered every special character and checks for its own, so it still finds every link;
///   - strikethrough (`~`, also skipped when emphasis looks at its neighbours): the delimiter
///     pass finds the extension by that list, so it stays, and a parse with it toggles `~`.
/// A text without a `~` byte never reads the tables at `~`, so it is parsed without the
/// extension and without a lock: it builds the same tree. A text with one is first parsed without
/// the extension too, holding the lock shared (so that no toggle happens mid-way); where every
/// `~` ended up inside a code span, a link's destination or HTML, never in a text node (an
/// autolink's text is one, and a footnote's label is counted as one), the inline pass never
/// stopped at one, and with the extension it would have built the
/// same tree (it only acts at a `~` the pass stops at, and emphasis only skips a `~` standing
/// right beside a `*` or `_`, in text). Otherwise the text is parsed again with the extension,
/// holding the lock alone.
enum CmarkDocument {
    /// Registers the GFM extensions and pins autolink's characters, once. cmark's registry is
    /// not thread-safe, so the loader calls this before it parses files in parallel.
    static let extensionsRegistered: Bool = {
        _ = extensions
        return true
    }()

    private static let extensions = Extensions()
    private static let tableLock = TableLock()

    /// Parses `text` (after `MarkdownGuard` has made it safe to parse) and hands the document
    /// to `body`. Nil only when cmark cannot allocate a parser or a document.
    static func parse<T>(_ text: String, _ body: (CmarkNode) -> T) -> (value: T, limits: [MarkdownGuard.Limit])? {
        guard extensionsRegistered else { return nil }
        let guarded = MarkdownGuard.apply(text)
        var text = guarded.text
        let hasTilde = text.withUTF8 { bytes in
            bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "~")), bytes.count) != nil } ?? false
        }
        var root = document(&text, strikethrough: false, mayReadTilde: hasTilde)
        if hasTilde, let plain = root, CmarkNode(raw: plain).hasTildeInText {
            cmark_node_free(plain)
            root = document(&text, strikethrough: true, mayReadTilde: true)
        }
        guard let root else { return nil }
        defer { cmark_node_free(root) }
        return (body(CmarkNode(raw: root)), guarded.limits)
    }

    /// One parse of `text`; its inline pass holds the lock as its use of the tables needs.
    private static func document(_ text: inout String, strikethrough: Bool, mayReadTilde: Bool) -> OpaquePointer? {
        guard let parser = cmark_parser_new(studydash_cmark_options()) else { return nil }
        defer { cmark_parser_free(parser) }
        let writes = extensions.attach(to: parser, strikethrough: strikethrough)
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        if writes {
            tableLock.lockAlone()
        } else if mayReadTilde {
            tableLock.lockShared()
        } else {
            return cmark_parser_finish(parser)
        }
        defer { tableLock.unlock() }
        return cmark_parser_finish(parser)
    }
}

private extension CmarkNode {
    /// Whether a text node (or a footnote reference, whose label was text while the inline pass
    /// read it) holds a `~`: one the inline pass stopped at.
    var hasTildeInText: Bool {
        guard let iterator = cmark_iter_new(raw) else { return true }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_TEXT || type == CMARK_NODE_FOOTNOTE_REFERENCE,
                  let literal = cmark_node_get_literal(node) else { continue }
            if strchr(literal, Int32(UInt8(ascii: "~"))) != nil { return true }
        }
        return false
    }
}

/// The extensions a parse attaches, looked up once.
private struct Extensions: @unchecked Sendable {
    /// In the order they are attached: block extensions first, then the inline ones.
    private let always: [OpaquePointer]
    private let strikethrough: OpaquePointer?
    /// Autolink's characters are on for good (see `CmarkDocument`); when that could not be done,
    /// every parse toggles them, as cmark-gfm does by itself.
    private let autolinkPinned: Bool

    init() {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "tasklist", "autolink"]
        always = names.compactMap { cmark_find_syntax_extension($0) }
        strikethrough = cmark_find_syntax_extension("strikethrough")
        autolinkPinned = cmark_find_syntax_extension("autolink").map(Self.pin) ?? true
    }

    /// Attaches the extensions; true when the parse's finish will write the shared tables.
    func attach(to parser: OpaquePointer, strikethrough withStrikethrough: Bool) -> Bool {
        for ext in always { cmark_parser_attach_syntax_extension(parser, ext) }
        if withStrikethrough, let strikethrough { cmark_parser_attach_syntax_extension(parser, strikethrough) }
        return withStrikethrough || !autolinkPinned
    }

    /// Turns the extension's special characters on and empties its list, so that no parse turns
    /// them off again. The list's few nodes are left to the process, like the registry itself.
    private static func pin(_ ext: OpaquePointer) -> Bool {
        guard let parser = cmark_parser_new(0) else { return false }
        defer { cmark_parser_free(parser) }
        cmark_parser_attach_syntax_extension(parser, ext)
        cmark_manage_extensions_special_characters(parser, 1)
        cmark_syntax_extension_set_special_inline_chars(ext, nil)
        return true
    }
}

/// A pthread read-write lock: parses that only read the tables at `~` share it, a parse that
/// toggles them holds it alone. Not `Mutex`: it is taken around a C call that returns a pointer,
/// which `Mutex.withLock`'s sending rules do not allow.
final class TableLock: @unchecked Sendable {
    // Heap-allocated: a pthread lock must not move, which a Swift stored property may.
    private let rwlock: UnsafeMutablePointer<pthread_rwlock_t> = .allocate(capacity: 1)

    init() { pthread_rwlock_init(rwlock, nil) }

    deinit {
        pthread_rwlock_destroy(rwlock)
        rwlock.deallocate()
    }

    func lockShared() { pthread_rwlock_rdlock(rwlock) }
    func lockAlone() { pthread_rwlock_wrlock(rwlock) }
    func unlock() { pthread_rwlock_unlock(rwlock) }
}
