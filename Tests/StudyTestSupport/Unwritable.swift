import Foundation

/// Makes a file or folder that even root cannot change, for tests of read-only stores. Root
/// ignores permission bits, so as root the immutable attribute (`chattr +i`) does it; as anyone
/// else, taking away the write bits does.
public enum Unwritable {
    /// Whether this machine can do it here (chattr needs root, CAP_LINUX_IMMUTABLE and a file
    /// system with attributes, such as ext4 — not tmpfs or overlayfs everywhere).
    public static let isAvailable: Bool = {
        guard geteuid() == 0 else { return true }
        guard let folder = try? TemporaryFolder(), (try? folder.write("probe", Data())) != nil else { return false }
        let probe = folder.url("probe")
        defer { _ = chattr("-i", probe) }
        return chattr("+i", probe) && FileManager.default.isWritableFile(atPath: probe) == false
    }()

    public static let reason = "cannot make a file unwritable for this user here (as root it needs chattr +i)"

    public static func lock(_ path: String) {
        if geteuid() == 0 { _ = chattr("+i", path) } else { chmod(path, isFolder(path) ? 0o555 : 0o444) }
    }

    public static func unlock(_ path: String) {
        if geteuid() == 0 { _ = chattr("-i", path) } else { chmod(path, isFolder(path) ? 0o755 : 0o644) }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func chattr(_ flag: String, _ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
