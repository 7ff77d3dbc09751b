#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the curriculum that ships with StudyDash. Lookup order, first match wins:
///   1. `<bin>/../share/studydash/Content` — an installed binary (`make install`-style prefix);
///   2. the nearest folder above the binary that holds both `Package.swift` and `Content/` — a
///      binary built in the repository (`swift run`, `.build/release/studydash`);
///   3. the `Content/` of the checkout this binary was compiled from, if it still exists.
/// (`--content` and `STUDYDASH_CONTENT` come before all of these; see ContentOptions.)
enum BundledContent {
    static func locate() -> String? {
        if let binary = executableDirectory() {
            let installed = binary + "/../share/studydash/Content"
            if isDirectory(installed) { return normalize(installed) }
            var folder = binary
            for _ in 0..<8 {
                if isFile(folder + "/Package.swift") && isDirectory(folder + "/Content") {
                    return folder + "/Content"
                }
                guard let parent = parentOf(folder) else { break }
                folder = parent
            }
        }
        // This file is Sources/studydash/Support/BundledContent.swift in the checkout.
        var checkout = #filePath
        for _ in 0..<4 { checkout = parentOf(checkout) ?? checkout }
        if isDirectory(checkout + "/Content") && isFile(checkout + "/Package.swift") { return checkout + "/Content" }
        return nil
    }

    private static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        #if os(Linux)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        guard let argument = CommandLine.arguments.first, realpath(argument, &buffer) != nil else { return nil }
        let path = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #endif
        return parentOf(path)
    }

    private static func parentOf(_ path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        if slash == path.startIndex { return path == "/" ? nil : "/" }
        return String(path[..<slash])
    }

    private static func normalize(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        return realpath(path, &buffer) != nil ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : path
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
