import Foundation

/// Standard input read with a ceiling, so that `note -` or `import -` fed far more than they can
/// take (a wrong file, `yes |`) stops early instead of holding it all in memory first.
enum StandardInput {
    /// At most `limit` bytes, or nil when there was more than that.
    static func read(atMost limit: Int) -> Data? {
        var data = Data()
        let input = FileHandle.standardInput
        while data.count <= limit {
            let chunk = input.readData(ofLength: min(1 << 16, limit + 1 - data.count))
            if chunk.isEmpty { return data }
            data.append(chunk)
        }
        return nil
    }
}
