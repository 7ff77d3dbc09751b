import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing bytes out in full, the one way every file and stream is written (standard output, an
/// export, a kept draft, the editor's file): `write` may take only part of what it is given, or
/// be interrupted by a signal before it takes anything, so one call is not enough.
public enum FileBytes {
    /// Writes all of `bytes` to `descriptor`; nil, or the errno of the write that failed (EIO
    /// when a write took nothing).
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, base + offset, buffer.count - offset)
                #endif
                if written < 0 && errno == EINTR { continue }
                if written < 0 { return errno }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
    }

    /// Why a private temporary file could not be made.
    public enum TemporaryFailure: Error, Sendable {
        case cannotCreate(folder: String, reason: String)
        case cannotWrite(path: String)
    }

    /// A new private (0600) file `studydash-NAME-XXXXXX.md` in the temporary folder holding
    /// `text`: its path. Private, since what it holds is the learner's own text.
    public static func temporary(named name: String, holding text: String) -> Result<String, TemporaryFailure> {
        let folder = NSTemporaryDirectory()
        let template = (folder as NSString).appendingPathComponent("studydash-\(name)-XXXXXX.md")
        var pathBytes = Array(template.utf8CString)
        let descriptor = mkstemps(&pathBytes, 3)
        guard descriptor >= 0 else {
            return .failure(.cannotCreate(folder: folder, reason: String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        let path = String(decoding: pathBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard write(Array(text.utf8), to: descriptor) == nil else {
            unlink(path)
            return .failure(.cannotWrite(path: path))
        }
        return .success(path)
    }
}
