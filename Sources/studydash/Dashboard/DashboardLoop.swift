import StudyCore
import StudyStore
import StudyTerminal
import StudyTUI

/// The dashboard's run loop: key → reducer → effects → state → render → terminal, until `q` or a
/// quit signal. Returns the process exit status.
enum DashboardLoop {
    static func run(session: StudySession, progress: LearnerProgress, useColor: Bool,
                    environment: [String: String]) throws -> Int32 {
        let model = DashboardModel(tree: session.tree)
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(useColor: useColor)
        } catch {
            throw CLIError("cannot start the dashboard: \(error)")
        }
        defer { screen.stop() }
        let size = screen.size
        var state = AppState(model: model, progress: progress, width: size.width, height: size.height)
        Reducer.settleScroll(&state)
        let effects = DashboardEffects(session: session, screen: screen, environment: environment)
        #if DEBUG
        // A test hook in debug builds only: the terminal tests crash the real program on this key
        // to check that the crash handler leaves the terminal sane.
        let crashKey = environment["STUDYDASH_DEBUG_CRASH_KEY"].flatMap(\.first)
        #endif
        var watcher = StoreWatcher(session: session)
        draw(state, on: screen)
        while true {
            if let signal = screen.quitSignal {
                // Ctrl-C over unsaved text asks first; a second one, at the question, quits.
                if Reducer.wantsInterrupt(state), screen.takeInterrupt() {
                    _ = Reducer.handle(.interrupt, state: &state)
                    draw(state, on: screen)
                    continue
                }
                let kept = DraftFile.keep(state, environment: environment)
                screen.stop()
                if let kept { Output.note("your unsaved annotation was kept in \(Output.safe(kept))") }
                return TerminalScreen.exitCode(forSignal: signal)
            }
            // The idle tick (a key or 250 ms, whichever comes first) also looks for another
            // process's writes, so the bars follow `studydash mark` within a second.
            let key = screen.nextKey(timeoutMilliseconds: 250)
            if watcher.refresh(&state) && key == nil { draw(state, on: screen) }
            guard let key else {
                LinkOpener.reapFinished()
                continue
            }
            #if DEBUG
            if let crashKey, key == .character(crashKey) { crashForTesting() }
            #endif
            let requested = Reducer.handle(key, state: &state)
            if requested.contains(.quit) { return 0 }
            for effect in requested { effects.perform(effect, state: &state) }
            // The reducer leaves the cursors on screen; only what an effect changed (a new
            // annotation makes a row taller) needs settling again.
            if !requested.isEmpty { Reducer.settleScroll(&state) }
            draw(state, on: screen)
        }
    }

    /// Re-reads the progress when another process has committed to the store since the last look
    /// (`PRAGMA data_version`), so the dashboard never acts on, or shows, a stale state.
    struct StoreWatcher {
        let session: StudySession
        private var version: Int?

        init(session: StudySession) {
            self.session = session
            version = try? session.store.othersChangeVersion()
        }

        /// True when the state was refreshed.
        mutating func refresh(_ state: inout AppState) -> Bool {
            guard let now = try? session.store.othersChangeVersion(), now != version else { return false }
            version = now
            do {
                // Read as at start-up: only the items in the notes, by the cheaper of two ways.
                state.replace(try session.progress())
                Reducer.settleScroll(&state)
            } catch {
                state.say(String(describing: error), error: true)
            }
            return true
        }
    }

    #if DEBUG
    /// An out-of-bounds read: the same trap a real bug would raise.
    static func crashForTesting() {
        let empty = [Int]()
        print(empty[empty.count])
    }
    #endif

    static func draw(_ state: AppState, on screen: TerminalScreen) {
        let frame = Screen.render(state)
        screen.draw(frame.grid, cursor: frame.cursor)
    }
}
