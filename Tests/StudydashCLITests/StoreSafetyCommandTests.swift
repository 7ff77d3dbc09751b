import Foundation
import Testing
import StudyTestSupport

/// The promises of "Never loses progress", seen from the command line.
@Suite struct StoreSafetyCommandTests {
    @Test func aFileThatIsNotOurDatabaseIsRefusedAndLeftUnchanged() throws {
        let scratch = try TemporaryFolder()
        var bytes = [UInt8](repeating: 0, count: 4096)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        try scratch.write("random.bin", Data(bytes))
        let result = try CLI.run(["status", "--content", "notes", "--db", scratch.url("random.bin")])
        #expect(result.status == 1)
        #expect(result.err.contains("\(scratch.url("random.bin")) is not a SQLite database"))
        #expect(result.err.contains("left unchanged"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.url("random.bin"))) == Data(bytes))
        #expect(!FileManager.default.fileExists(atPath: scratch.url("random.bin-wal")))

        let folder = try CLI.run(["mark", "S3 Standard", "done", "--content", "notes", "--db", scratch.path])
        #expect(folder.status == 1)
        #expect(folder.err.contains("is a folder"))

        let blocked = try CLI.run(["status", "--content", "notes", "--db", scratch.url("random.bin/sub/progress.sqlite")])
        #expect(blocked.status == 1)
        #expect(blocked.err.contains("cannot create the folder \(scratch.url("random.bin/sub"))"))
    }

    @Test func theEnvironmentChoosesTheDatabaseWhenNoOptionDoes() throws {
        let scratch = try TemporaryFolder()
        _ = try CLI.run(["mark", "S3 Standard", "done", "--content", "notes"],
                        environment: ["STUDYDASH_DB": scratch.url("env.sqlite")])
        #expect(FileManager.default.fileExists(atPath: scratch.url("env.sqlite")))
        _ = try CLI.run(["mark", "S3 Standard", "done", "--content", "notes"], environment: ["XDG_DATA_HOME": scratch.url("xdg")])
        #expect(FileManager.default.fileExists(atPath: scratch.url("xdg/studydash/progress.sqlite")))
    }

    /// Two scripts marking at once: every mark lands and neither sees an error.
    @Test func twoProcessesMarkingAtOnceLoseNothing() throws {
        var notes: [String: String] = [:]
        for file in 0..<4 {
            notes["\(file).md"] = "# Part \(file)\n\n" + (0..<10).map { "- [Item \(file)-\($0)](https://example.org/\(file)/\($0))\n" }.joined()
        }
        let folder = try TemporaryFolder(notes)
        let stores = try TemporaryFolder()
        let db = stores.url("progress.sqlite")
        defer { withExtendedLifetime(stores) {} }
        let failures = Failures()
        let content = folder.path
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in 0..<20 {
                let file = worker * 2 + index / 10
                do {
                    let result = try CLI.run(["mark", "https://example.org/\(file)/\(index % 10)", "done",
                                              "--content", content, "--db", db])
                    if result.status != 0 || !result.err.isEmpty { failures.add("\(worker)/\(index): \(result.err)") }
                } catch {
                    failures.add("\(worker)/\(index): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let status = try CLI.run(["status", "--json", "--content", folder.path, "--db", db]).json()
        #expect((status["overall"] as? [String: Any])?["done"] as? Int == 40)
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
