import StudyText

/// Front matter `ignore: [Citation, License]` hides sections of the file they stand in: a
/// README's boilerplate (Updates, Citation, License, Contributing) is not a study topic. A hidden
/// section goes with everything under it, its sub-sections and resources too; what was stored
/// for those resources is kept as orphans (`studydash status --orphans`), never deleted.
enum HiddenSections {
    /// Removes every section below `root` whose heading is one of `names` (case and surrounding
    /// spaces ignored); returns the names that matched no heading.
    static func remove(_ names: [String], from root: inout OutlineSection) -> [String] {
        let wanted = Set(names.map(key))
        var matched = Set<String>()
        prune(&root, wanted: wanted, matched: &matched)
        return names.filter { !matched.contains(key($0)) }
    }

    private static func prune(_ section: inout OutlineSection, wanted: Set<String>, matched: inout Set<String>) {
        section.children.removeAll { child in
            let name = key(child.title)
            guard wanted.contains(name) else { return false }
            matched.insert(name)
            return true
        }
        for index in section.children.indices { prune(&section.children[index], wanted: wanted, matched: &matched) }
    }

    private static func key(_ title: String) -> String { title.trimmingWhitespace().lowercased() }
}
