import ArgumentParser
import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyText

/// `studydash sync`: this device's new events appended to its own file in a shared folder, the
/// other devices' files merged in (`--git`: through a git work tree); `--status` lists the devices.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync progress with your other machines through a shared folder or a git repository.",
        discussion: """
            Each device appends its own new events to its own file in the folder, DIR/<device-id>.jsonl \
            (only ever appended to), then merges every other device's file into this store as `import` \
            does: events united, for each item the newer change wins (equal times: the greater device \
            ID), a deletion being a change like any other. Syncing twice changes nothing; a sync reads \
            only what is new in each file. Keep DIR in step between machines with any tool (Syncthing, \
            Dropbox, a network share), or use --git.

            DIR is the argument, else --sync-dir, else $STUDYDASH_SYNC_DIR, else `dir` in the config \
            file's [sync] table (where `on_open = true` / `on_quit = true` make the dashboard sync when \
            it opens and when it quits; a failure there is a status line, never a blocked quit). With --git, DIR is in a git \
            work tree: `git pull --rebase`, merge, append, commit ("studydash sync from <device>") and \
            push, retried when another device pushed first; the first sync adds `*.jsonl merge=union` to \
            DIR/.gitattributes. git runs with your own configuration and credentials; StudyDash never \
            asks for any.

            A line cut short (a file still being copied) is left for the next sync; a line that cannot \
            be read, a file of a newer StudyDash, or a file that is not a StudyDash sync file is named \
            as FILE:LINE on standard error and the rest is merged. Only files named <16 hex \
            digits>.jsonl are read, and no symlink is followed. --status lists the devices seen.

            Examples:
              studydash sync ~/Sync/studydash
              studydash sync --git ~/notes-sync
              studydash sync --status --json
            """)

    @Argument(help: ArgumentHelp("The shared folder.", valueName: "dir"))
    var directory: String?

    @Option(name: .customLong("sync-dir"), help: ArgumentHelp("The shared folder (default: $STUDYDASH_SYNC_DIR).", valueName: "dir"))
    var syncDirectory: String?

    @Flag(help: "The folder is in a git work tree: pull, merge, append, commit and push.")
    var git = false

    @Flag(help: "Show this device, the devices seen, their events and when each was last merged; change nothing.")
    var status = false

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        try reportingErrors {
            let config = try content.config.load()
            if status {
                // A status query pulls nothing and creates nothing.
                if git { throw CLIError("--status shows the store only and never runs git; drop --git") }
                let path = store.resolvedPath(config: config)
                guard FileManager.default.fileExists(atPath: path) else { throw CLIError("no store at \(Output.safe(path))") }
                return try showStatus(try store.open(config: config))
            }
            let progress = try store.open(config: config)
            guard let folderPath = directory ?? syncDirectory
                    ?? AutoSync.folder(environment: Environment.value("STUDYDASH_SYNC_DIR"), config: config) else {
                throw CLIError("sync needs a folder: `studydash sync DIR`, --sync-dir DIR, STUDYDASH_SYNC_DIR "
                    + "or [sync] dir in the config file")
            }
            let report: SyncFolder.Report
            do {
                let folder = try SyncFolder(folderPath)
                report = git ? try GitSync(folder: folder).sync(progress) : try folder.sync(progress)
            } catch let error as SyncError {
                throw CLIError(error.description)
            }
            for warning in report.warnings { Output.note("studydash: warning: \(warning)") }
            json ? writeJSON(report) : writeText(report)
        }
    }

    private func writeText(_ report: SyncFolder.Report) {
        var lines = ["This device \(report.device): \(Plural.count(report.appended, "new event")) appended to \(Output.safe(report.ownFile))."]
        let merged = report.merged.filter { !$0.value.isEmpty }
        if merged.isEmpty {
            lines.append("Nothing new from the other devices.")
        }
        for (device, summary) in merged.sorted(by: { $0.key < $1.key }) {
            lines.append("From \(device): \(Plural.count(summary.events, "event")), \(Plural.count(summary.states, "status", plural: "statuses")), "
                + "\(Plural.count(summary.annotations, "annotation")) merged.")
        }
        Output.write(lines.joined(separator: "\n") + "\n")
    }

    private func writeJSON(_ report: SyncFolder.Report) {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.sync/1")
        writer.value("device", report.device)
        writer.value("file", report.ownFile)
        writer.value("appended", report.appended)
        writer.beginArray("merged")
        for (device, summary) in report.merged.sorted(by: { $0.key < $1.key }) {
            writer.beginObject()
            writer.value("device", device)
            writer.value("events", summary.events)
            writer.value("states", summary.states)
            writer.value("annotations", summary.annotations)
            writer.value("items", summary.items)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("warnings")
        for warning in report.warnings { writer.value(nil, warning) }
        writer.endArray()
        writer.endObject()
        Output.write(writer.bytes + [UInt8(ascii: "\n")])
    }

    private func showStatus(_ progress: ProgressStore) throws {
        let me = try storeCall { try progress.syncSelf() }
        let peers = try storeCall { try progress.syncPeers() }.filter { $0.device != me.device }
        if json {
            var writer = JSONWriter(pretty: Output.isTerminal)
            writer.beginObject()
            writer.value("schema", "studydash.sync-status/1")
            writer.beginObject("device")
            writer.value("id", me.device)
            writer.value("events", me.sentEvents)
            writer.endObject()
            writer.beginArray("peers")
            for peer in peers {
                writer.beginObject()
                writer.value("id", peer.device)
                writer.value("events", peer.cursor.events)
                writer.value("lines", peer.cursor.lines)
                writer.value("mergedAt", peer.mergedAt.description)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
            Output.write(writer.bytes + [UInt8(ascii: "\n")])
            return
        }
        var lines = ["This device: \(me.device), \(Plural.count(me.sentEvents, "event")) written to its sync file."]
        if peers.isEmpty { lines.append("No other device merged yet.") }
        for peer in peers {
            lines.append("\(peer.device): \(Plural.count(peer.cursor.events, "event")), last merged \(LocalTime.display(peer.mergedAt))")
        }
        Output.write(lines.joined(separator: "\n") + "\n")
    }
}
