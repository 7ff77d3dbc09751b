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
///     pass finds the extension by that list, so it stays. It is attached only to a text with a
///     `~` byte, and then that parse's finish takes the lock. A text without one builds the same
///     tree without the extension (nothing in it reads the tables at `~`), so it needs no lock.
enum CmarkDocument {
    /// Registers the GFM extensions and pins autolink's characters, once. cmark's registry is
    /// not thread-safe, so the loader calls this before it parses files in parallel.
    static let extensionsRegistered: Bool = {
        _ = extensions
        return true
    }()

    private static let extensions = Extensions()
    private static let finishLock = FinishLock()

    /// Parses `text` (after `MarkdownGuard` has made it safe to parse) and hands the document
    /// to `body`. Nil only when cmark cannot allocate a parser or a document.
    static func parse<T>(_ text: String, _ body: (CmarkNode) -> T) -> (value: T, limits: [MarkdownGuard.Limit])? {
        guard extensionsRegistered, let parser = cmark_parser_new(studydash_cmark_options()) else { return nil }
        defer { cmark_parser_free(parser) }
        let guarded = MarkdownGuard.apply(text)
        var text = guarded.text
        let tableUse = text.withUTF8 { bytes in
            let hasTilde = bytes.baseAddress.map { memchr($0, 126, bytes.count) != nil } ?? false
            let tableUse = extensions.attach(to: parser, strikethrough: hasTilde)
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
            return tableUse
        }
        let finished: OpaquePointer?
        if tableUse == .toggles {
            finishLock.lock()
            finished = cmark_parser_finish(parser)
            finishLock.unlock()
        } else {
            finished = cmark_parser_finish(parser)
        }
        guard let root = finished else { return nil }
        defer { cmark_node_free(root) }
        return (body(CmarkNode(raw: root)), guarded.limits)
    }
}

/// The extensions a parse attaches, looked up once.
private struct Extensions: @unchecked Sendable {
    /// Whether a parse's finish writes the shared tables of special characters.
    enum TableUse { case toggles, readsOnly }

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

    func attach(to parser: OpaquePointer, strikethrough withStrikethrough: Bool) -> TableUse {
        for ext in always { cmark_parser_attach_syntax_extension(parser, ext) }
        if withStrikethrough, let strikethrough { cmark_parser_attach_syntax_extension(parser, strikethrough) }
        return withStrikethrough || !autolinkPinned ? .toggles : .readsOnly
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
