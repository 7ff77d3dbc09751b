#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment as the commands read it: one variable at a time, as set at start,
/// or all of it at once for the dashboard, which hands it on.
enum Environment {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Every `NAME=value` entry, as `ProcessInfo.processInfo.environment` gives them (an entry
    /// without `=` is left out; of two with one name, the later one counts), split at the
    /// first `=` byte. ProcessInfo splits each entry by Character and grows its dictionary one
    /// entry at a time: 0.8 M instructions on the dashboard's way to its first screen.
    static func all() -> [String: String] {
        var count = 0
        while environ[count] != nil { count += 1 }
        var variables = [String: String](minimumCapacity: count)
        for index in 0..<count {
            guard let entry = environ[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(entry).assumingMemoryBound(to: UInt8.self),
                                            count: strlen(entry))
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<equals]), as: UTF8.self)
            variables[name] = String(decoding: UnsafeBufferPointer(rebasing: bytes[(equals + 1)...]), as: UTF8.self)
        }
        return variables
    }
}
