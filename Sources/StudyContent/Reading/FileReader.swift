#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore

/// One notes file on disk → its outline, never throwing: whatever goes wrong becomes a warning.
enum FileReader {
    /// Files larger than this are skipped: notes are small, and a huge file is most likely data.
    static let maxFileSize = 8 * 1024 * 1024

    static func outline(of plan: FilePlan) -> FileOutline {
        let location = SourceLocation(file: plan.displayPath, line: 0)
        if plan.size > maxFileSize {
            return .skipped(ContentWarning(location, "skipped: larger than \(maxFileSize / (1024 * 1024)) MiB"))
        }
        let bytes: [UInt8]
        switch readAll(plan.path) {
        case .success(let data): bytes = data
        case .failure(let reason): return .skipped(ContentWarning(location, "cannot read: \(reason)"))
        }
        let text: String
        var warnings: [ContentWarning]
        switch FileDecoder.decode(bytes, file: plan.displayPath) {
        case .skipped(let warning): return .skipped(warning)
        case .text(let decoded, let decodeWarnings):
            text = decoded
            warnings = decodeWarnings
        }
        let (matter, body) = FrontMatter.extract(from: text, file: plan.displayPath)
        warnings += matter.warnings
        var outline = FileOutline(title: matter.title, order: matter.order,
                                  root: OutlineSection(title: "", level: 0, line: 1), warnings: warnings)
        guard body.contains(where: { !$0.isWhitespace }) else { return outline }
        let built = OutlineBuilder(file: plan.displayPath, text: body).build(text: body)
        var headingTitle = built.title
        outline.root = built.root
        if !matter.ignore.isEmpty {
            for name in HiddenSections.remove(matter.ignore, from: &outline.root) {
                outline.warnings.append(ContentWarning(SourceLocation(file: plan.displayPath, line: matter.ignoreLine),
                                                       "front matter 'ignore': no section titled \(name)"))
            }
        }
        if headingTitle == nil, let promoted = OpeningHeading.promote(outline.root, text: body) {
            headingTitle = promoted.title
            outline.root = promoted.root
        }
        if let effort = matter.effort { outline.root.giveEffort(effort) }
        outline.warnings += built.warnings
        if outline.title == nil { outline.title = headingTitle }
        return outline
    }

    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    private static func readAll(_ path: String) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadError(description: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(description: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxFileSize {
                return .failure(ReadError(description: "larger than \(maxFileSize / (1024 * 1024)) MiB"))
            }
        }
        return .success(bytes)
    }
}
