import StudyCore
import StudyText

/// Folder plans + file outlines → topics with stable IDs, and each resource once.
struct TreeAssembler {
    /// Each file's outline until its topics are made, then released: the outlines and the tree
    /// made from them are not both held whole (twenty megabytes at the peak). The slots may
    /// still be filling while the tree is assembled (see `OutlineSlots`).
    private let outlines: OutlineSlots
    private(set) var resources = ResourceTable()
    /// The warnings of assembling (a link shared by two IDs); the files' own come first.
    private var ownWarnings: [ContentWarning] = []
    /// Every topic ID given, with the topic's number: topics are made depth-first, parents
    /// before children, so this is the numbering `ItemIndex` would give them (see `numbering`).
    private var topicNumbers: [String: Int32] = [:]
    /// Every listing of a resource, in the same order, as its position in `resources`.
    private var listed: [Int32] = []
    /// For a path of titles met more than once: the first rank not yet tried for it.
    private var nextRank: [StableID.PathKey: Int] = [:]

    /// How many resource listings and topics the outlines hold, or are expected to (the tables
    /// are sized for them once: growing a table of a hundred thousand rehashes it a dozen times
    /// on the way).
    struct Sizes: Equatable {
        var resources = 0
        var topics = 0

        init(resources: Int = 0, topics: Int = 0) {
            self.resources = resources
            self.topics = topics
        }

        init(_ outlines: some Sequence<FileOutline>) {
            func add(_ section: OutlineSection, to sizes: inout Sizes) {
                sizes.resources += section.resources.count
                sizes.topics += 1
                for child in section.children { add(child, to: &sizes) }
            }
            for outline in outlines { add(outline.root, to: &self) }
        }
    }

    init(outlines: OutlineSlots, sizes: Sizes) {
        self.outlines = outlines
        resources.reserveCapacity(sizes.resources)
        listed.reserveCapacity(sizes.resources)
        topicNumbers.reserveCapacity(sizes.topics)
    }

    /// Every file's warnings in file order, then those of assembling: once the tree is made.
    var warnings: [ContentWarning] { outlines.outlineWarnings() + ownWarnings }

    /// How the topics and resources made so far are numbered, for the tree made of them.
    var numbering: TreeNumbering { TreeNumbering(topicNumbers: topicNumbers, listed: listed) }

    mutating func root(_ plan: FolderPlan) -> Topic {
        folder(plan, path: .empty, isRoot: true)
    }

    // MARK: Topics

    // A topic's path of titles travels as a `StableID.PathKey`: each child extends its parent's,
    // so a long title above many sub-topics is folded and hashed once.
    private mutating func folder(_ plan: FolderPlan, path: StableID.PathKey, isRoot: Bool) -> Topic {
        let note = plan.noteFile.map { outlines[$0.index] }
        // A single file given as the content is its own folder plan (see FolderWalker).
        let title = note?.title ?? TopicNaming.title(fromName: plan.name, isFile: plan.path == plan.noteFile?.path)
        // The content folder's own title is not part of its topics' paths: moving or renaming
        // the folder keeps every ID below it.
        let ownPath = isRoot ? .empty : path.appending(title)
        let id = isRoot ? topicID(parent: StableID.PathKey.empty.appending(""), title: title)
            : topicID(parent: path, path: ownPath, title: title)
        var topic = Topic(id: id, title: title, kind: isRoot ? .root : .folder,
                          source: SourceLocation(file: plan.noteFile?.displayPath ?? plan.displayPath,
                                                 line: note.map { $0.root.line } ?? 0))
        if let note, let file = plan.noteFile {
            fill(&topic, from: note.root, file: file.displayPath, path: ownPath)
            release(file)
        }

        var entries: [(order: TopicOrder?, name: String, make: (inout TreeAssembler) -> Topic)] = []
        for sub in plan.folders {
            let order = sub.noteFile.flatMap { outlines[$0.index].order }.map(TopicOrder.init)
                ?? TopicNaming.order(fromName: sub.name, isFile: false)
            entries.append((order, sub.name, { $0.folder(sub, path: ownPath, isRoot: false) }))
        }
        for file in plan.files {
            let outline = outlines[file.index]
            guard !outline.skipped else { continue }
            let order = outline.order.map(TopicOrder.init) ?? TopicNaming.order(fromName: file.name, isFile: true)
            entries.append((order, file.name, { $0.file(file, path: ownPath) }))
        }
        entries.sort { lhs, rhs in
            switch (lhs.order, rhs.order) {
            case let (l?, r?) where l != r: return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.name.lowercased() < rhs.name.lowercased()
            }
        }
        topic.children.reserveCapacity(entries.count)
        for entry in entries { topic.children.append(entry.make(&self)) }
        return topic
    }

    private mutating func file(_ plan: FilePlan, path: StableID.PathKey) -> Topic {
        // The outline's copy ends with this statement, so that the release frees it.
        let topic = file(plan, outline: outlines[plan.index], path: path)
        release(plan)
        return topic
    }

    private mutating func file(_ plan: FilePlan, outline: FileOutline, path: StableID.PathKey) -> Topic {
        let title = outline.title ?? TopicNaming.title(fromName: plan.name, isFile: true)
        let ownPath = path.appending(title)
        var topic = Topic(id: topicID(parent: path, path: ownPath, title: title), title: title, kind: .file,
                          source: SourceLocation(file: plan.displayPath, line: outline.root.line))
        fill(&topic, from: outline.root, file: plan.displayPath, path: ownPath)
        return topic
    }

    /// Frees a file's outline once its topics hold what they need of it (its order and
    /// `skipped` were read before any topic was made).
    private func release(_ file: FilePlan) {
        outlines.release(file.index)
    }

    /// Note, resources and heading sub-topics of a section go into `topic`.
    private mutating func fill(_ topic: inout Topic, from section: OutlineSection, file: String, path: StableID.PathKey) {
        topic.noteText = section.noteText
        topic.resourceIDs.reserveCapacity(section.resources.count)
        // A topic is filled once, from nothing: only its own resources can repeat an ID, and
        // only an ID met before anywhere can be listed here already. Most IDs are new, so the
        // set of what this topic lists is made only when a known one turns up.
        let ownStart = listed.count
        var listedHere: Set<Int32>?
        for raw in section.resources {
            let (id, position, isNew) = register(raw, file: file, topicPath: path)
            if !isNew {
                if listedHere == nil { listedHere = Set(listed[ownStart...]) }
                guard listedHere?.insert(position).inserted == true else { continue }
            } else {
                listedHere?.insert(position)
            }
            topic.resourceIDs.append(id)
            listed.append(position)
        }
        topic.children.reserveCapacity(section.children.count)
        for child in section.children {
            let childPath = path.appending(child.title)
            var sub = Topic(id: topicID(parent: path, path: childPath, title: child.title), title: child.title,
                            kind: .heading, source: SourceLocation(file: file, line: child.line))
            fill(&sub, from: child, file: file, path: childPath)
            topic.children.append(sub)
        }
    }

    /// Two topics with the same path of titles (two "Resources" headings in one file) get
    /// distinct IDs by their rank: the second is keyed as "Resources #2", or the next rank whose
    /// ID is still free (a heading may be titled "Resources #2" itself).
    private mutating func topicID(parent: StableID.PathKey, title last: String) -> String {
        topicID(parent: parent, path: parent.appending(last), title: last)
    }

    /// `path` is `parent` with `last` appended, when the caller holds it already: each title is
    /// then folded and hashed once.
    private mutating func topicID(parent: StableID.PathKey, path: StableID.PathKey, title last: String) -> String {
        var id = path.topicID
        let number = Int32(topicNumbers.count)
        if Self.isNew(&topicNumbers[id, default: -1], number: number) { return id }
        // Every rank below `nextRank[path]` was tried for this path and found taken, and taken
        // IDs stay taken, so the search resumes there: the same IDs as trying 2, 3, … each time,
        // without re-hashing the path once per earlier copy.
        var rank = nextRank[path] ?? 2
        repeat {
            id = parent.appending("\(last) #\(rank)").topicID
            rank += 1
        } while topicNumbers[id] != nil
        nextRank[path] = rank
        topicNumbers[id] = number
        return id
    }

    /// Puts `number` in an empty slot (-1); true when the slot was empty. One probe of the table
    /// for the usual topic, whose ID is new.
    private static func isNew(_ slot: inout Int32, number: Int32) -> Bool {
        guard slot < 0 else { return false }
        slot = number
        return true
    }

    // MARK: Resources

    /// The resource's ID, its position in `resources`, and whether it was met here for the
    /// first time.
    private mutating func register(_ raw: RawResource, file: String, topicPath: StableID.PathKey)
        -> (id: String, position: Int32, isNew: Bool) {
        let location = SourceLocation(file: file, line: raw.line)
        let id: String
        if let linked = raw.id, raw.normalizedURL != nil {
            id = linked
        } else {
            id = topicPath.taskID(title: raw.title)
        }
        // One probe of the table: a hundred thousand links are registered on every start.
        let (position, isNew) = resources.position(of: id) {
            Resource(id: id, title: raw.title, url: raw.url, descriptionText: raw.descriptionText, source: location,
                     checkbox: raw.checkbox, effortMinutes: raw.effortMinutes)
        }
        if !isNew {
            var warning: ContentWarning?
            resources.update(at: position) { warning = Self.merge(raw, id: id, at: location, into: &$0) }
            if let warning { ownWarnings.append(warning) }
        }
        return (id, Int32(position), isNew)
    }

    /// A resource met again: one more place, and an estimate it may lack; the warning to give
    /// when its link differs from the one known.
    private static func merge(_ raw: RawResource, id: String, at location: SourceLocation,
                              into resource: inout Resource) -> ContentWarning? {
        resource.addOccurrence(location)
        // The first place that gives an estimate gives it.
        if resource.effortMinutes == nil { resource.effortMinutes = raw.effortMinutes }
        // The same ID from another link: the known link's normal form is worked out again only
        // when the two are not written alike (a link repeated as written normalises the same).
        if let normalized = raw.normalizedURL, let knownURL = resource.url, knownURL != raw.url {
            let known = URLNormalizer.normalize(knownURL)
            if known != normalized {
                return ContentWarning(location, "ID \(id) is shared by \(known) and \(normalized); rename one link")
            }
        }
        return nil
    }
}
