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

    /// Takes back what `count` added for the same resource.
    mutating func uncount(_ status: Status, effortMinutes estimate: Int?) {
        self[status] -= 1
        guard let minutes = estimate, status != .skipped else { return }
        estimated -= 1
        effortMinutes -= minutes
        if status == .todo || status == .learning { remainingMinutes -= minutes }
    }

    /// Adds another tally's counts (of resources not counted here).
    mutating func add(_ other: Tally) {
        todo += other.todo
        learning += other.learning
        done += other.done
        skipped += other.skipped
        effortMinutes += other.effortMinutes
        remainingMinutes += other.remainingMinutes
        estimated += other.estimated
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

/// Every topic's tally, by the topic numbers of an `ItemIndex`: made in integer passes over the
/// index's listings, and made again after every change, so that a big folder's hundred thousand
/// listings cost no string hashing each time.
public struct ProgressRollup: Sendable {
    private let index: ItemIndex
    /// By topic number.
    private let tallies: [Tally]
    public let overall: Tally

    public init(tree: ContentTree, progress: LearnerProgress) {
        self.init(index: ItemIndex(tree: tree), progress: progress)
    }

    public init(index: ItemIndex, progress: LearnerProgress) {
        self.index = index
        let count = index.resourceIDs.count
        // Each resource's status and estimate by number; nil for an ID listed without a
        // resource, which counts nowhere.
        var statuses = [Status?](repeating: nil, count: count)
        var efforts = [Int?](repeating: nil, count: count)
        for number in 0..<count {
            // Read where the tree keeps it: a copy of every resource retained and released each
            // of its strings, twice the cost of the rest of the rollup.
            guard let (status, effort) = index.withResource(number: number, {
                (LearnerProgress.statusInNotes(of: $0), $0.effortMinutes)
            }) else { continue }
            statuses[number] = status
            efforts[number] = effort
        }
        // The store's statuses win (`LearnerProgress.status(of:)`); only they are looked up.
        for (id, status) in progress.statuses {
            if let number = index.resourceNumber(id: id), statuses[number] != nil { statuses[number] = status }
        }
        var overall = Tally()
        for number in 0..<count {
            if let status = statuses[number] { overall.count(status, effortMinutes: efforts[number]) }
        }
        // A resource no topic lists is placed nowhere but still counts in the whole.
        if index.tree.resources.count > overall.total {
            for resource in index.tree.resources.values where index.resourceNumber(id: resource.id) == nil {
                overall.count(progress.status(of: resource), effortMinutes: resource.effortMinutes)
            }
        }
        self.overall = overall
        // Counted bottom-up, each resource once per subtree: its listings, in tree order, add it
        // to their topics, and each pair of consecutive ones takes it away again at the lowest
        // topic above both, where it would otherwise count twice. Summed child into parent, a
        // topic then counts a resource once however often its subtree lists it, and no topic
        // rescans its subtree's listings.
        let listed = index.listedResources
        var lastTopic = [Int32](repeating: -1, count: count)
        var tallies = [Tally](repeating: Tally(), count: index.topicCount)
        for topic in 0..<index.topicCount {
            for at in index.listings(of: topic) {
                let resource = Int(listed[at])
                guard lastTopic[resource] != Int32(topic), let status = statuses[resource] else { continue }
                if lastTopic[resource] >= 0,
                   let above = Self.lowestCommonTopic(Int(lastTopic[resource]), topic, in: index) {
                    tallies[above].uncount(status, effortMinutes: efforts[resource])
                }
                lastTopic[resource] = Int32(topic)
                tallies[topic].count(status, effortMinutes: efforts[resource])
            }
        }
        // Children are numbered after their parents: from the last topic back, each subtree is
        // complete before it is added to its parent.
        for topic in (0..<index.topicCount).reversed() {
            if let parent = index.parent(of: topic) { tallies[parent].add(tallies[topic]) }
        }
        self.tallies = tallies
    }

    /// The deepest topic whose subtree holds both (`earlier` numbered before `later`); nil when
    /// they sit under different roots.
    private static func lowestCommonTopic(_ earlier: Int, _ later: Int, in index: ItemIndex) -> Int? {
        var above = earlier
        // A subtree is a run of numbers: climb until the run reaches the later topic.
        while index.subtreeEnd(of: above) <= later {
            guard let parent = index.parent(of: above) else { return nil }
            above = parent
        }
        return above
    }

    public func tally(of topicID: String) -> Tally { index.topicNumber(id: topicID).map { tallies[$0] } ?? Tally() }

    /// The tally of the topic with this number in the rollup's `ItemIndex` (a dashboard node).
    public func tally(ofTopic number: Int) -> Tally { tallies[number] }
}
