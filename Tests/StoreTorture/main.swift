// store-torture DB PREFIX COUNT [status]
//
// A test tool, not part of StudyDash: it writes COUNT statuses into the store at DB, one real
// transaction per item through the real `ProgressStore`, and prints `ok <id>` (unbuffered) after
// each commit. The StudyStore concurrency tests run two of these at once on one new file, and
// SIGKILL one mid-loop, to check what a second StudyDash process or a crash does to the store:
// every `ok` line is a promise that the write is durable. Errors go to stderr with exit status 1.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StudyCore
import StudyStore

func say(_ text: String, to descriptor: Int32) {
    var bytes = Array((text + "\n").utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written <= 0 { if errno == EINTR { continue } else { return } }
        bytes = bytes.dropFirst(written)
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5, let count = Int(arguments[3]), count >= 0 else {
    say("error: usage: store-torture DB PREFIX COUNT [todo|learning|done|skipped]", to: 2)
    exit(1)
}
guard let status = arguments.count == 5 ? Status(rawValue: arguments[4]) : .done else {
    say("error: '\(arguments[4])' is not a status", to: 2)
    exit(1)
}
do {
    let store = try ProgressStore(path: arguments[1])
    for index in 0..<count {
        let id = "\(arguments[2])\(index)"
        try store.setStatus(status, items: [KnownItem(id: id, kind: .resource, title: "Item \(index)", url: nil,
                                                      topicPath: ["Torture"], seenAt: Clock.system.now())])
        say("ok \(id)", to: 1)
    }
} catch {
    say("error: \(error)", to: 2)
    exit(1)
}
exit(0)
