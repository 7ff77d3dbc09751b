import ArgumentParser
import Foundation
import StudyApp
import StudyTUI
import StudyTerminal

/// What the dashboard was asked to open, as plain values, and opening it: filled in from the
/// parsed `DashboardCommand`, or by `DashboardArguments` on the everyday start without creating
/// the parser's option types (1.4 M instructions on the way to the first screen).
struct DashboardRequest {
    /// The positional notes folder or file.
    var path: String?
    /// `--content`, `--no-cache`, `--config`.
    var options = ContentChoice()
    var store = StoreChoice()
    var fresh = false
    var color = ColorChoice.auto

    /// `--content` and the positional path together.
    var content: ContentChoice {
        var content = options
        if let path { content.folders.append(path) }
        return content
    }

    func run() throws {
        try reportingErrors {
            // The whole config first: a wrong file stops here, before the terminal is looked at.
            let config = try content.loadConfig()
            let keymap = try KeysAndTheme.keymap(config)
            let theme = try KeysAndTheme.theme(config)
            let started = Environment.all()
            if let refusal = TerminalCheck.refusal(environment: started) {
                throw CLIError(refusal)
            }
            // Before anything that could crash: a crash must not hand the terminal to the
            // runtime's interactive backtracer.
            CrashReport.prepare(environment: started)
            let environment = started
            #if DEBUG
            // A test hook in debug builds only: a crash before the screen is up, as a hostile
            // notes file could cause while loading.
            if environment["STUDYDASH_DEBUG_CRASH_AT_START"] != nil { DashboardLoop.crashForTesting() }
            #endif
            // The folders the session reads, named here with the same error the session would
            // give when they cannot be: the resume file's name (the folders' paths resolved
            // through Foundation) is worked out on the other core while this one loads them.
            let folders = try content.resolvedFolders(config: config)
            let resume = InBackground { ResumeFile(contentFolders: folders, environment: environment) }
            let (session, walk) = try StudySession.opening(content: content, store: store, config: config)
            // From the stamps the load read the tree by, so a file changed while loading is seen
            // as changed.
            let watcher = ContentWatcher(folders: folders, cache: content.parseCache(), startingFrom: walk)
            // [sync] on_open: merged before the first frame; a failure is the status row's message.
            let syncFolder = AutoSync.folder(environment: environment["STUDYDASH_SYNC_DIR"], config: config)
            let openNotice = config.sync.onOpen == true ? AutoSync.run(folder: syncFolder, store: session.store) : nil
            let progress = try storeCall { try session.progress() }
            let useColor = color.useColor(environment: environment)
            let code = try DashboardLoop.run(session: session, progress: progress,
                                             looks: DashboardLoop.Looks(useColor: useColor, theme: theme, keymap: keymap,
                                                                        hyperlinks: (config.hyperlinks ?? .auto).isOn(environment: environment)),
                                             environment: environment, config: config, resume: try resume.value(), fresh: fresh,
                                             watcher: watcher, notice: openNotice) {
                // [sync] on_quit, after the terminal is back: a failure is said, and the quit stands.
                if config.sync.onQuit == true, let failure = AutoSync.run(folder: syncFolder, store: session.store) {
                    Output.note("studydash: \(failure)")
                }
                session.store.close()
            }
            if code != 0 { throw ExitCode(code) }
        }
    }
}
