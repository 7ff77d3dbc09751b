#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore
import StudyText

/// Resolves a note's numbered links (as `NoteRenderer` collects them) to `NoteLink`s: a URL with a
/// scheme stays a web link; a relative path (`./x.md`, `../y/README.md#section`, `y/` for a
/// folder) and an Obsidian wikilink (`[[Note]]`, `[[Note#Heading]]`) lead to a topic of the
/// loaded notes. `#section` picks the heading whose GitHub slug or title matches, else the file.
/// A wikilink names a file anywhere in the notes folders (`Note`, `Note.md` or `folder/Note`,
/// case-insensitive); when several files match, the one with the shortest path below its notes
/// folder wins (fewest folders, then fewest characters, then alphabetical), so the choice does
/// not depend on the order the disk lists them. The notes are untrusted: an absolute path, a
/// path that climbs out of the notes folders or a symlink that leads out is refused with the
/// reason, and nothing outside the folders is ever looked at beyond that one check.
public struct NoteLinkResolver: Sendable {
    struct Root: Sendable {
        /// The folder as an absolute path with `.` and `..` removed, and with symlinks resolved.
        var lexical: String
        var real: String
    }

    struct WikiEntry: Sendable {
        /// The path below its notes folder, without the extension, lower-cased.
        var key: String
        var topicID: String
    }

    private let roots: [Root]
    /// Absolute, normalised note file (and folder) paths to the topic they are.
    private let topicByPath: [String: String]
    /// The heading topics of each file or folder topic, in document order: (title, ID).
    private let headings: [String: [(title: String, id: String)]]
    private let wikiEntries: [WikiEntry]

    public init(tree: ContentTree) {
        let cwd = Self.currentDirectory()
        var roots: [Root] = []
        var byPath: [String: String] = [:]
        var headings: [String: [(title: String, id: String)]] = [:]
        var entries: [WikiEntry] = []
        for rootTopic in tree.roots {
            let source = PathText.absolute(rootTopic.source.file, cwd: cwd)
            let folder = Self.isDirectory(source) ? source : PathText.parent(source)
            roots.append(Root(lexical: folder, real: FolderWalker.resolved(folder) ?? folder))
            rootTopic.forEach { topic, _ in
                let file = PathText.absolute(topic.source.file, cwd: cwd)
                switch topic.kind {
                case .heading:
                    if let owner = byPath[file] { headings[owner, default: []].append((topic.title, topic.id)) }
                case .root, .folder:
                    byPath[file] = topic.id
                    // A folder's topic comes from its README: `y/` and `y` lead there too, and
                    // `[[README]]` / `[[y/README]]` name it as Obsidian does.
                    if !Self.isDirectory(file) {
                        byPath[PathText.parent(file)] = topic.id
                        if let below = PathText.below(folder, file) {
                            entries.append(WikiEntry(key: PathText.withoutNoteExtension(below).lowercased(), topicID: topic.id))
                        }
                    }
                case .file:
                    byPath[file] = topic.id
                    if let below = PathText.below(folder, file) {
                        entries.append(WikiEntry(key: PathText.withoutNoteExtension(below).lowercased(), topicID: topic.id))
                    }
                }
            }
        }
        self.roots = roots
        topicByPath = byPath
        self.headings = headings
        wikiEntries = entries.sorted { ($0.depth, $0.key.count, $0.key) < ($1.depth, $1.key.count, $1.key) }
    }

    /// Link `written`, found in the note of `topic`.
    public func resolve(_ written: String, from topic: Topic) -> NoteLink {
        NoteLink(written: written, target: target(written, from: topic))
    }

    func target(_ written: String, from topic: Topic) -> NoteLink.Target {
        if let inner = Wikilink.target(ofCollected: written) { return wikilink(inner, written: written, from: topic) }
        let delimiter = written.firstIndex { "/?#".contains($0) } ?? written.endIndex
        if written.hasPrefix("//") || written[..<delimiter].contains(":") { return .web(written) }
        let withoutFragment = written.prefix { $0 != "#" }
        let fragment = written.dropFirst(withoutFragment.count + 1)
        guard let path = PercentDecoding.decode(String(withoutFragment.prefix { $0 != "?" })),
              !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .unresolved("not following '\(written)': it is not a readable path")
        }
        if path.hasPrefix("/") {
            return .unresolved("not following '\(written)': a link to a note must be relative, not an absolute path")
        }
        let here = PathText.absolute(topic.source.file, cwd: Self.currentDirectory())
        let file = path.isEmpty ? here : PathText.absolute(PathText.parent(here) + "/" + path, cwd: "/")
        guard roots.contains(where: { PathText.below($0.lexical, file) != nil }) else {
            return .unresolved("not following '\(written)': it leads outside the notes folders")
        }
        guard let real = FolderWalker.resolved(file) else {
            return .unresolved("not following '\(written)': there is no such file in the notes")
        }
        guard roots.contains(where: { PathText.below($0.real, real) != nil }) else {
            return .unresolved("not following '\(written)': a symlink leads outside the notes folders")
        }
        guard let id = topicByPath[file] else {
            return .unresolved("not following '\(written)': it is not a note StudyDash has read")
        }
        let section = PercentDecoding.decode(String(fragment)) ?? String(fragment)
        return .topic(heading(section, in: id) ?? id)
    }

    /// `[[Note#Heading]]` (the alias already dropped by the renderer); `[[#Heading]]` is this file.
    func wikilink(_ inner: String, written: String, from topic: Topic) -> NoteLink.Target {
        let beforeHash = inner.prefix { $0 != "#" }
        let name = beforeHash.trimmingWhitespace()
        let section = inner.dropFirst(beforeHash.count + 1).trimmingWhitespace()
        let owner: String?
        if name.isEmpty {
            owner = topicByPath[PathText.absolute(topic.source.file, cwd: Self.currentDirectory())]
        } else {
            let key = PathText.withoutNoteExtension(name).lowercased()
            owner = wikiEntries.first { $0.key == key || $0.key.hasSuffix("/" + key) }?.topicID
        }
        guard let owner else {
            return .unresolved("not following '\(written)': no note named '\(name)' in the notes folders")
        }
        return .topic(heading(section, in: owner) ?? owner)
    }

    /// The heading of topic `owner` whose slug or title is `section`; nil when none is.
    func heading(_ section: String, in owner: String) -> String? {
        guard !section.isEmpty else { return nil }
        let wanted = Slug.of(section)
        return headings[owner]?.first { Slug.of($0.title) == wanted }?.id
    }

    static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "/" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension NoteLinkResolver.WikiEntry {
    var depth: Int { key.count(where: { $0 == "/" }) }
}

/// Paths as text: made absolute and rid of `.` and `..` without asking the disk, so that a
/// link's place can be judged before anything is opened.
enum PathText {
    /// `path` from `cwd` when relative, with empty, `.` and `..` parts resolved (`..` at the
    /// top stays at `/`).
    static func absolute(_ path: String, cwd: String) -> String {
        var parts: [Substring] = []
        for part in ((path.hasPrefix("/") ? "" : cwd + "/") + path).split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// `path` relative to `folder` when it is the folder or inside it, else nil.
    static func below(_ folder: String, _ path: String) -> String? {
        if path == folder { return "" }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    static func withoutNoteExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return name }
        let ending = name[name.index(after: dot)...].lowercased()
        return ContentLoader.noteExtensions.contains(ending) ? String(name[..<dot]) : name
    }
}

/// `%20` and friends in a link's path, as UTF-8; nil for a broken escape or bytes that are not UTF-8.
enum PercentDecoding {
    static func decode(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A heading's anchor as GitHub writes it: lower case, spaces to `-`, punctuation dropped.
enum Slug {
    static func of(_ text: String) -> String {
        var slug = ""
        for character in text.trimmingWhitespace().lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character.isWhitespace {
                slug.append("-")
            }
        }
        return slug
    }
}
