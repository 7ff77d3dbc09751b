import StudyCore

/// What one notes file holds, before IDs are given: its title, its sections (headings) with
/// their notes and resources. Built from the Markdown by `OutlineBuilder`.
struct FileOutline {
    /// From front matter `title`, else the first heading when it is an H1.
    var title: String?
    var order: Double?
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
    var note: String = ""
    var resources: [RawResource] = []
    var children: [OutlineSection] = []
}

/// A resource as found in a file: no ID yet, and its URL as written.
struct RawResource: Equatable {
    var title: String
    var url: String?
    var description: String
    var line: Int
    var checkbox: Bool?
}
