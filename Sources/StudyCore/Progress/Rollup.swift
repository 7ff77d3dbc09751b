/// Progress per topic, rolled up the tree: a topic counts every resource listed in it or below it,
/// each once, and its progress is done / (total − skipped). Effort estimates roll up the same way:
/// the minutes of the counted resources, and of those not done yet.
public struct Tally: Hashable, Sendable {
    public var todo = 0
    public var learning = 0
    public var done = 0
    public var skipped = 0
    /// Effort estimates of the counted resources (not skipped) that have one, in minutes.
    public var effortMinutes = 0
    /// The part of `effortMinutes` not done yet (todo and learning).
    public var remainingMinutes = 0
    /// How many of the counted resources carry an estimate: when fewer than `counted`, the
    /// minutes above cover only part of the work, and a time left must say so.
    public var estimated = 0

    public init() {}

    public init(todo: Int, learning: Int, done: Int, skipped: Int) {
        self.todo = todo
        self.learning = learning
        self.done = done
        self.skipped = skipped
    }

    public var total: Int { todo + learning + done + skipped }
    /// What progress is measured against: skipped resources do not count.
    public var counted: Int { total - skipped }
    public var remaining: Int { todo + learning }
    public var fraction: Double { counted > 0 ? Double(done) / Double(counted) : 0 }
    /// Some counted resource carries an estimate, so a time left can be told.
    public var hasEstimates: Bool { estimated > 0 }
    /// Every counted resource carries an estimate: the time left is the whole of it.
    public var isFullyEstimated: Bool { estimated > 0 && estimated == counted }

    /// Counts one resource: its status, and its estimate unless it is skipped.
    public mutating func count(_ status: Status, effortMinutes estimate: Int?) {
        self[status] += 1
        guard let minutes = estimate, status != .skipped else { return }
        estimated += 1
        effortMinutes += minutes
        if status == .todo || status == .learning { remainingMinutes += minutes }
    }

    public subscript(status: Status) -> Int {
        get {
            switch status {
            case .todo: todo
            case .learning: learning
            case .done: done
            case .skipped: skipped
            }
        }
        set {
            switch status {
            case .todo: todo = newValue
            case .learning: learning = newValue
            case .done: done = newValue
            case .skipped: skipped = newValue
            }
        }
    }
}

public struct ProgressRollup: Sendable {
    public private(set) var tallies: [String: Tally] = [:]
    public private(set) var overall = Tally()

    public init(tree: ContentTree, progress: LearnerProgress) {
        // Resources by number, so that the walk below compares integers, not strings: a big
        // folder has a hundred thousand listings, each counted once at every level above it.
        var number: [String: Int] = [:]
        number.reserveCapacity(tree.resources.count)
        var statuses: [Status] = []
        var efforts: [Int?] = []
        statuses.reserveCapacity(tree.resources.count)
        efforts.reserveCapacity(tree.resources.count)
        for (id, resource) in tree.resources {
            let status = progress.status(of: resource)
            number[id] = statuses.count
            statuses.append(status)
            efforts.append(resource.effortMinutes)
            overall.count(status, effortMinutes: resource.effortMinutes)
        }
        // Every topic's listings in tree order: a topic's subtree is one run of them.
        var listed: [Int] = []
        func flatten(_ topic: Topic) {
            for id in topic.resourceIDs { listed.append(number[id] ?? -1) }
            for child in topic.children { flatten(child) }
        }
        for root in tree.roots { flatten(root) }
        // A resource listed twice under a topic is counted once there: it is stamped with the
        // topic's visit the first time.
        var stamp = [Int](repeating: -1, count: statuses.count)
        var visits = 0
        var next = 0
        tallies.reserveCapacity(tree.resources.count / 2)
        func visit(_ topic: Topic) {
            let start = next
            next += topic.resourceIDs.count
            for child in topic.children { visit(child) }
            var tally = Tally()
            let mark = visits
            visits += 1
            for index in start..<next {
                let resource = listed[index]
                guard resource >= 0, stamp[resource] != mark else { continue }
                stamp[resource] = mark
                tally.count(statuses[resource], effortMinutes: efforts[resource])
            }
            tallies[topic.id] = tally
        }
        for root in tree.roots { visit(root) }
    }

    public func tally(of topicID: String) -> Tally { tallies[topicID] ?? Tally() }
}
