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
        switch readAll(plan.path, expectedSize: plan.size) {
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

    /// Reads straight into the array that is returned, sized by what the walk saw (one byte
    /// more, so that the end is confirmed without growing): no chunk cleared and copied per file.
    private static func readAll(_ path: String, expectedSize: Int) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadError(description: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var failure: Int32?
        let capacity = min(max(expectedSize, 0), maxFileSize) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let read = read(fd, base + count, buffer.count - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if read == 0 { return }
                count += read
            }
        }
        if let failure { return .failure(ReadError(description: String(cString: strerror(failure)))) }
        guard bytes.count == capacity else { return .success(bytes) }
        // The file grew after the walk: the rest comes in chunks.
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= maxFileSize {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(description: String(cString: strerror(errno))))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .failure(ReadError(description: "larger than \(maxFileSize / (1024 * 1024)) MiB"))
    }
}
