import Dispatch
import StudyCore

/// Reads notes folders (or single notes files) into a `ContentTree`. This is StudyContent's
/// entry point.
///
/// A folder is a topic (its `README.md` or `index.md` gives its title and note), a `.md`,
/// `.markdown` or `.txt` file is a topic (title from front matter `title`, else its opening
/// heading, else its name; see `OpeningHeading`), and headings are sub-topics. Files are parsed in parallel; the tree is then
/// assembled in a fixed order, so the result does not depend on timing.
public enum ContentLoader {
    /// The file endings read as notes (compared in lower case).
    public static let noteExtensions: Set<String> = ["md", "markdown", "txt"]

    /// A name (or path) ending in one of the note extensions.
    public static func isNotesFile(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name[dot...].firstIndex(of: "/") == nil
        else { return false }
        return noteExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case missing(String)
        case notAFolder(String)
        case unreadable(String, reason: String)

        public var description: String {
            switch self {
            case .missing(let path):
                isNotesFile(path) ? "notes file not found: \(path)" : "content folder not found: \(path)"
            case .notAFolder(let path):
                "content path is neither a folder nor a notes file (.md, .markdown, .txt): \(path)"
            case .unreadable(let path, let reason): "cannot read content folder \(path): \(reason)"
            }
        }
    }

    public static func load(folders: [String]) throws(LoadError) -> ContentTree {
        _ = CmarkDocument.extensionsRegistered
        var walker = FolderWalker(roots: folders)
        var plans: [FolderPlan] = []
        for folder in folders {
            do {
                plans.append(try walker.walkRoot(folder))
            } catch {
                switch error {
                case .missing(let path): throw .missing(path)
                case .notAFolder(let path): throw .notAFolder(path)
                case .unreadable(let path, let reason): throw .unreadable(path, reason: reason)
                }
            }
        }
        let outlines = parseAll(walker.files)
        var assembler = TreeAssembler(outlines: outlines)
        let roots = plans.map { assembler.root($0) }
        return ContentTree(roots: roots, resources: assembler.resources,
                           warnings: walker.warnings + assembler.warnings)
    }

    /// Parses every file, spread over the machine's cores; slot `i` holds file `i`'s outline.
    private static func parseAll(_ files: [FilePlan]) -> [FileOutline] {
        let slots = Slots(files)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            slots.set(index, FileReader.outline(of: files[index]))
        }
        return slots.values()
    }

    /// Each concurrent iteration writes only its own slot, so no two writers touch the same memory.
    private final class Slots: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<FileOutline>

        /// Every slot starts as a skipped file, so that no slot is ever empty.
        init(_ files: [FilePlan]) {
            buffer = .allocate(capacity: files.count)
            _ = buffer.initialize(from: files.map {
                FileOutline.skipped(ContentWarning(SourceLocation(file: $0.displayPath, line: 0), "not read"))
            })
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func set(_ index: Int, _ value: FileOutline) { buffer[index] = value }
        func values() -> [FileOutline] { Array(buffer) }
    }
}
