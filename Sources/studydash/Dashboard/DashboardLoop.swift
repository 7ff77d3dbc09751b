import StudyApp
import StudyContent
import StudyCore
import StudyTerminal
import StudyTUI
import TermGrid
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's run loop: key → reducer → effects → state → render → terminal, until `q` or a
/// quit signal. Returns the process exit status.
enum DashboardLoop {
    /// What the config and the flags make of the screen: colour or not, the theme, the keys.
    struct Looks {
        var useColor: Bool
        var theme: Theme
        var keymap: KeyMap
        /// Links as OSC 8 hyperlinks (config `hyperlinks`, and the terminal).
        var hyperlinks = false
    }

    static func run(session: StudySession, progress: LearnerProgress, looks: Looks,
                    environment: [String: String], config: StudyConfig, resume: ResumeFile, fresh: Bool,
                    watcher notes: ContentWatcher, notice: String? = nil,
                    afterQuit: () -> Void = {}) throws -> Int32 {
        let model = DashboardModel.of(session)
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(useColor: looks.useColor, theme: looks.theme, colorTerm: environment["COLORTERM"],
                                        mouse: config.mouse ?? false)
        } catch {
            throw CLIError("cannot start the dashboard: \(error)")
        }
        defer { screen.stop() }
        let size = screen.size
        var state = AppState(model: model, progress: progress, width: size.width, height: size.height)
        state.apply(config)
        state.keymap = looks.keymap
        if !fresh, let place = resume.load() { state.take(place) }
        Reducer.settleScroll(&state)
        if let notice { _ = Reducer.handle(.failed(notice), state: &state) }
        let ports = Ports.posix(environment: environment, browser: config.browser, handOver: { run in screen.suspend(run) },
                                copy: screen.copyToClipboard)
        var effects = DashboardEffects(session: session, ports: ports, watcher: notes, repaint: screen.repaintAll)
        #if DEBUG
        // A test hook in debug builds only: the terminal tests crash the real program on this key
        // to check that the crash handler leaves the terminal sane.
        let crashKey = environment["STUDYDASH_DEBUG_CRASH_KEY"].flatMap(\.first)
        #endif
        var watcher = StoreWatcher(session: session)
        draw(state, on: screen, looks: looks)
        Dashboard.prepareNeighbours(of: state)
        while true {
            if let signal = screen.quitSignal {
                // Ctrl-C over unsaved text asks first; a second one, at the question, quits.
                if Reducer.wantsInterrupt(state), screen.takeInterrupt() {
                    _ = Reducer.handle(.event(.interrupt), state: &state)
                    draw(state, on: screen, looks: looks)
                    continue
                }
                let kept = state.unsavedAnnotation.flatMap {
                    DraftFile.keep($0.text, itemID: $0.itemID, environment: environment)
                }
                resume.save(state.place)
                screen.stop()
                if let kept { Output.note("your unsaved annotation was kept in \(Output.safe(kept))") }
                return TerminalScreen.exitCode(forSignal: signal)
            }
            // The idle tick (a key or 250 ms, whichever comes first) also looks for another
            // process's writes, so the bars follow `studydash mark` within a second. Work kept
            // for an idle moment (reading the activity ahead, after the first frame) does not
            // wait for it: a tick comes at once when no key is waiting.
            // While the activity is read off the loop, a short tick brings it in soon after.
            let event = screen.nextEvent(timeoutMilliseconds: state.wantsIdleWork ? 0 : effects.activity.isBusy ? 20 : 250)
            var messages: [Message] = []
            if let changes = watcher.changes() {
                effects.activity.storeChanged()
                switch changes {
                case .success(let progress): messages.append(.reloaded(progress))
                case .failure(let error): messages.append(.failed(error.description))
                }
            }
            if let read = effects.activity.collect() { messages.append(read) }
            if event == .tick {
                LinkOpener.reapFinished()
                // The notes on disk, looked at once a tick (with inotify: one read when unchanged).
                if notes.look() { messages.append(.notesChanged) }
            }
            // Each message may ask for effects; what they come to goes back in, in order.
            func handle(_ event: Event, after first: [Message]) {
                #if DEBUG
                if let crashKey, event == .key(.character(crashKey)) { crashForTesting() }
                #endif
                var messages = first + [.event(event)]
                while !messages.isEmpty {
                    let message = messages.removeFirst()
                    let requested = Reducer.handle(message, state: &state)
                    if requested.contains(.quit) {
                        resume.save(state.place)
                        leave(screen, then: afterQuit)
                    }
                    for effect in requested {
                        if let outcome = effects.perform(effect) { messages.append(outcome) }
                    }
                }
            }
            // Another process's changes are drawn even when no key came, and so is the end of
            // idle work (the reader's figures, exact once its last slice is laid out).
            let idle = state.wantsIdleWork
            handle(event, after: messages)
            let changed = event != .tick || !messages.isEmpty || (idle && !state.wantsIdleWork)
            // Keys already waiting (a held key, a paste, keys typed during a slow frame) are all
            // applied first and drawn once: the screen shows the end result without a frame per key.
            if event != .tick {
                var applied = 0
                while applied < Self.coalescedLimit, let next = screen.waitingEvent() {
                    handle(next, after: [])
                    applied += 1
                }
            }
            watcher.session = effects.session
            if changed {
                draw(state, on: screen, looks: looks)
                // Once the frame is out, while the user reads it: the next j or k finds its pane drawn.
                Dashboard.prepareNeighbours(of: state)
            }
        }
    }

    /// At most this many waiting keys are applied before a frame is drawn, so that a flood of
    /// input still shows progress.
    static let coalescedLimit = 256

    /// Quits at once, the terminal given back and the place already saved: every change is in the
    /// store already, and freeing the tree of a large folder cell by cell (~100 ms on 5,000 files)
    /// is work the OS does for nothing when the process ends. `exit` still flushes stdio.
    /// `afterQuit` runs once the terminal is back (the quit sync, closing the store).
    static func leave(_ screen: TerminalScreen, then afterQuit: () -> Void) -> Never {
        screen.stop()
        afterQuit()
        exit(0)
    }

    #if DEBUG
    /// An out-of-bounds read: the same trap a real bug would raise.
    static func crashForTesting() {
        let empty = [Int]()
        print(empty[empty.count])
    }
    #endif

    static func draw(_ state: AppState, on screen: TerminalScreen, looks: Looks) {
        let frame = Dashboard.render(state)
        screen.draw(frame.grid, cursor: frame.cursor)
        if looks.hyperlinks {
            screen.hyperlink(LinkCells.shown(state).map { ScreenLink(x: $0.x, y: $0.y, width: $0.width, url: $0.target) },
                             in: frame.grid)
        }
    }
}

extension AppState {
    /// The config file's settings for the dashboard.
    mutating func apply(_ config: StudyConfig) {
        if let threshold = config.confirmBulk { bulkMarkThreshold = threshold }
        switch config.treeWidth {
        case .percent(let share): treeShare = .percent(share)
        case .columns(let columns): treeShare = .columns(columns)
        case nil: break
        }
    }
}
