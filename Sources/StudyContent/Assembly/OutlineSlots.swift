#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import StudyCore

/// Each notes file's outline between reading it and assembling the tree: slot `i` holds file
/// `i`'s, made by `make` (read from the parse cache, else parsed) exactly once.
///
/// Filled in one of two ways. `fillAll` makes every outline on every core before the tree is
/// assembled: what a start that parses needs, since the cache is written from all of them.
/// `startFilling` lets worker threads make them in order while the tree is being assembled on
/// the calling thread, which makes an outline it asks for and no worker has begun itself, and
/// waits for one a worker is making: on a start where every outline comes from the cache,
/// reading them and assembling the tree then share the cores instead of following each other
/// (the assembly alone was as long as the reading on both cores). The workers then also free
/// the outlines the tree is done with, until `stopFilling`, which the assembler's thread did
/// after each file (a tenth of its work).
final class OutlineSlots: @unchecked Sendable {
    // @unchecked: every slot and state below is read and written under `mutex` only.
    typealias Make = @Sendable (Int) -> (outline: FileOutline, cached: Bool)

    private enum State: UInt8 { case waiting, making, ready }

    let count: Int
    private let make: Make
    /// A released outline's stand-in (see `release`).
    private static let released = FileOutline(title: nil, order: nil, root: OutlineSection(title: "", level: 0, line: 0),
                                              warnings: [])
    private var outlines: [FileOutline]
    private var states: [State]
    /// Kept after an outline is released: the tree's warnings are every file's, in file order.
    private var warnings: [[ContentWarning]]
    private var cached: [Bool]
    /// Outlines that did not come from the cache outlive `release` when `keepParsed` is set,
    /// so that the cache can be written after the tree is assembled.
    private var keepParsed = false
    /// Where a worker looks for the next slot no one has begun.
    private var next = 0
    /// Released outlines for the workers to free, while `filling`.
    private var trash: [FileOutline] = []
    private var filling = false
    private var workers = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Signalled when an outline is made (for the assembler waiting on one).
    private let made: UnsafeMutablePointer<pthread_cond_t>
    /// Signalled when there is trash, or filling stops (for idle workers).
    private let wake: UnsafeMutablePointer<pthread_cond_t>

    init(count: Int, make: @escaping Make) {
        self.count = count
        self.make = make
        outlines = Array(repeating: Self.released, count: count)
        states = Array(repeating: .waiting, count: count)
        warnings = Array(repeating: [], count: count)
        cached = Array(repeating: false, count: count)
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        made = .allocate(capacity: 1)
        pthread_cond_init(made, nil)
        wake = .allocate(capacity: 1)
        pthread_cond_init(wake, nil)
    }

    deinit {
        pthread_cond_destroy(wake)
        wake.deallocate()
        pthread_cond_destroy(made)
        made.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Makes every outline, spread over the machine's cores, and returns when all are made.
    func fillAll() {
        DispatchQueue.concurrentPerform(iterations: count) { index in
            if claim(index) { store(index, make(index)) }
        }
    }

    /// Starts making the outlines in the background, on all cores but the caller's, and returns
    /// at once; `subscript` waits for what is not made yet. Parsed outlines are kept past
    /// `release`, for `outlinesToSave`. `stopFilling` must follow once the tree is assembled.
    func startFilling() {
        keepParsed = true
        filling = true
        workers = max(0, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 8) - 1)
        for _ in 0..<workers {
            DispatchQueue.global().async { [self] in work() }
        }
    }

    /// The assembler is done with the outlines: the workers free what is left and end.
    func stopFilling() {
        pthread_mutex_lock(mutex)
        filling = false
        var left: [FileOutline] = []
        if workers == 0 { swap(&left, &trash) }
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(mutex)
        left.removeAll()
    }

    /// A worker: makes the next outline no one has begun, frees released ones, and waits for
    /// more trash while the tree is being assembled.
    private func work() {
        pthread_mutex_lock(mutex)
        while true {
            if !trash.isEmpty {
                var dropped: [FileOutline] = []
                swap(&dropped, &trash)
                pthread_mutex_unlock(mutex)
                dropped.removeAll()
                pthread_mutex_lock(mutex)
            } else if let index = claimNextLocked() {
                pthread_mutex_unlock(mutex)
                store(index, make(index))
                pthread_mutex_lock(mutex)
            } else if filling {
                pthread_cond_wait(wake, mutex)
            } else {
                pthread_mutex_unlock(mutex)
                return
            }
        }
    }

    /// File `index`'s outline, made now by the caller if no one has begun it.
    subscript(index: Int) -> FileOutline {
        pthread_mutex_lock(mutex)
        while true {
            switch states[index] {
            case .ready:
                let outline = outlines[index]
                pthread_mutex_unlock(mutex)
                return outline
            case .waiting:
                states[index] = .making
                pthread_mutex_unlock(mutex)
                let result = make(index)
                store(index, result)
                return result.outline
            case .making:
                pthread_cond_wait(made, mutex)
            }
        }
    }

    /// Frees an outline once the tree holds what it needs of it (its warnings stay): on a worker
    /// while filling, else here, outside the lock. The caller should hold no copy of it, or
    /// the copy is what frees it.
    func release(_ index: Int) {
        var dropped = Self.released
        pthread_mutex_lock(mutex)
        if !(keepParsed && !cached[index]) {
            swap(&dropped, &outlines[index])
            if filling && workers > 0 {
                trash.append(dropped)
                dropped = Self.released
                pthread_cond_signal(wake)
            }
        }
        pthread_mutex_unlock(mutex)
    }

    /// Every outline as made, before any is released (for writing the cache after `fillAll`).
    func all() -> [FileOutline] {
        (0..<count).map { self[$0] }
    }

    /// The outlines to write the cache from after the tree was assembled from `startFilling`'s:
    /// each one read from the cache is read from it again by `reread` (it was released), each
    /// parsed one is as it was kept.
    func outlinesToSave(reread: (Int) -> FileOutline) -> [FileOutline] {
        (0..<count).map { index in
            _ = self[index]
            pthread_mutex_lock(mutex)
            let fromCache = cached[index], kept = outlines[index]
            pthread_mutex_unlock(mutex)
            return fromCache ? reread(index) : kept
        }
    }

    /// Every file's warnings, in file order (each outline is made first if it was not).
    func outlineWarnings() -> [ContentWarning] {
        (0..<count).flatMap { index -> [ContentWarning] in
            _ = self[index]
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return warnings[index]
        }
    }

    /// How many outlines came from the cache (after every one was made).
    func hits() -> Int {
        (0..<count).reduce(0) { total, index in
            _ = self[index]
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return total + (cached[index] ? 1 : 0)
        }
    }

    /// Marks slot `index` as being made by the caller; false when someone began it already.
    private func claim(_ index: Int) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard states[index] == .waiting else { return false }
        states[index] = .making
        return true
    }

    /// The first slot no one has begun, claimed (under the lock); nil when none is left.
    private func claimNextLocked() -> Int? {
        while next < count, states[next] != .waiting { next += 1 }
        guard next < count else { return nil }
        states[next] = .making
        next += 1
        return next - 1
    }

    private func store(_ index: Int, _ result: (outline: FileOutline, cached: Bool)) {
        pthread_mutex_lock(mutex)
        outlines[index] = result.outline
        warnings[index] = result.outline.warnings
        cached[index] = result.cached
        states[index] = .ready
        pthread_cond_broadcast(made)
        pthread_mutex_unlock(mutex)
    }
}
