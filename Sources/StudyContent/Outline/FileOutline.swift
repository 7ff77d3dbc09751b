import StudyCore

/// What one notes file holds, before IDs are given: its title, its sections (headings) with
/// their notes and resources. Built from the Markdown by `OutlineBuilder`.
struct FileOutline {
    /// From front matter `title`, else the first heading when it is an H1.
    var title: String?
    var order: Double?
    /// Front matter `effort:`: the estimate of each of the file's resources that has none.
    var effort: Int?
    /// The file itself as a section: the prose and resources before the first sub-heading.
    var root: OutlineSection
    var warnings: [ContentWarning]
    /// Binary, too large or unreadable: the file gives no topic at all.
    var skipped = false

    static func skipped(_ warning: ContentWarning) -> FileOutline {
        FileOutline(title: nil, order: nil, root: OutlineSection(title: "", level: 0, line: 1),
                    warnings: [warning], skipped: true)
    }
}

struct OutlineSection {
    var title: String
    var level: Int
    var line: Int
    /// Held when just parsed; read on demand when it came from the parse cache.
    var noteText = NoteText("")
    var resources: [RawResource] = []
    var children: [OutlineSection] = []

    init(title: String, level: Int, line: Int, note: String = "", resources: [RawResource] = [],
         children: [OutlineSection] = []) {
        self.title = title
        self.level = level
        self.line = line
        noteText = NoteText(note)
        self.resources = resources
        self.children = children
    }

    var note: String {
        get { noteText.string }
        set { noteText = NoteText(newValue) }
    }

    /// `minutes` becomes the estimate of every resource here and below that has none.
    mutating func giveEffort(_ minutes: Int) {
        for index in resources.indices where resources[index].effortMinutes == nil {
            resources[index].effortMinutes = minutes
        }
        for index in children.indices { children[index].giveEffort(minutes) }
    }
}

/// A resource as found in a file, with its URL as written. A linked resource's ID is worked
/// out here, in the parallel part of loading; a task without a link gets its ID from its
/// topic path when the tree is assembled.
struct RawResource: Equatable {
    var title: String
    var url: String?
    /// Held when just parsed; read on demand when it came from the parse cache.
    var descriptionText: NoteText
    var description: String {
        get { descriptionText.string }
        set { descriptionText = NoteText(newValue) }
    }
    var line: Int
    var checkbox: Bool?
    var effortMinutes: Int?
    var normalizedURL: String?
    var id: String?

    init(title: String, url: String?, description: String, line: Int, checkbox: Bool?, effortMinutes: Int? = nil) {
        let normalized = url.map(URLNormalizer.normalize)
        self.init(title: title, url: url, description: description, line: line, checkbox: checkbox,
                  effortMinutes: effortMinutes, normalizedURL: normalized,
                  id: normalized.map { StableID.resource(normalizedURL: $0) })
    }

    /// A resource read back from the parse cache, its normal form and ID as worked out when it
    /// was parsed.
    init(title: String, url: String?, description: String, line: Int, checkbox: Bool?, effortMinutes: Int?,
         normalizedURL: String?, id: String?) {
        self.init(title: title, url: url, descriptionText: NoteText(description), line: line, checkbox: checkbox,
                  effortMinutes: effortMinutes, normalizedURL: normalizedURL, id: id)
    }

    init(title: String, url: String?, descriptionText: NoteText, line: Int, checkbox: Bool?, effortMinutes: Int?,
         normalizedURL: String?, id: String?) {
        self.title = title
        self.url = url
        self.descriptionText = descriptionText
        self.line = line
        self.checkbox = checkbox
        self.effortMinutes = effortMinutes
        self.normalizedURL = normalizedURL
        self.id = id
    }
}
