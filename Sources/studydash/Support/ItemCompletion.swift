import ArgumentParser
import StudyContent
import StudyCore

/// What a shell completes for an item argument (`mark`, `show`, `note`): the IDs and titles of
/// the notes' topics and resources that start with what is typed. The shell runs the binary
/// for it on every Tab, so it reads only the notes (`--content` on the line, else
/// `STUDYDASH_CONTENT`, else the bundled ones), never the store, and offers nothing rather than
/// failing.
enum ItemCompletion {
    static let items = CompletionKind.custom { words, _, prefix in candidates(words: words, prefix: prefix) }

    /// `mark`'s arguments end with a status.
    static let itemsOrStatus = CompletionKind.custom { words, _, prefix in
        Status.allCases.map(\.rawValue).filter { $0.hasPrefix(prefix) } + candidates(words: words, prefix: prefix)
    }

    /// A shell shows at most a screenful sensibly; the rest is typed.
    static let limit = 200

    static func candidates(words: [String], prefix: String) -> [String] {
        guard let tree = try? ContentLoader.load(folders: folders(in: words)) else { return [] }
        let index = ItemIndex(tree: tree)
        let folded = prefix.lowercased()
        var found: [String] = []
        for id in index.itemIDs where id.hasPrefix(prefix) { found.append(id) }
        for place in index.topics where place.topic.title.lowercased().hasPrefix(folded) {
            found.append(place.topic.title)
        }
        for id in index.resourceIDs {
            if let title = tree.resources[id]?.title, title.lowercased().hasPrefix(folded) { found.append(title) }
        }
        // Titles from notes go to a shell: no control character may reach it, and none that
        // bash's `compgen -W` would expand (`$(…)`, backquotes, backslashes) and so run.
        let safe = found.filter { !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f || "$`\\".unicodeScalars.contains($0) } }
        var seen = Set<String>()
        return Array(safe.filter { seen.insert($0).inserted }.prefix(limit))
    }

    /// The folders `--content DIR` names on the command line being completed, else the default.
    static func folders(in words: [String]) -> [String] {
        var named: [String] = []
        for (position, word) in words.enumerated() {
            if word == "--content", position + 1 < words.count { named.append(words[position + 1]) }
            if word.hasPrefix("--content=") { named.append(String(word.dropFirst("--content=".count))) }
        }
        if !named.isEmpty { return named }
        return (try? ContentOptions.parse([]).resolvedFolders()) ?? []
    }
}
