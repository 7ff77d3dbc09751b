import StudyContent
import StudyCore
import StudyTestSupport

/// Loads a folder made of `files` and gives easy access to what came out.
struct Loaded {
    let folder: TemporaryFolder
    let tree: ContentTree

    init(_ files: [String: String], function: String = #function) throws {
        folder = try TemporaryFolder(files, function: function)
        tree = try ContentLoader.load(folders: [folder.path])
    }

    init(folder: TemporaryFolder) throws {
        self.folder = folder
        tree = try ContentLoader.load(folders: [folder.path])
    }

    var root: Topic { tree.roots[0] }

    /// The topic reached by following titles from the root.
    func topic(_ titles: String...) -> Topic? {
        var current = root
        for title in titles {
            guard let next = current.children.first(where: { $0.title == title }) else { return nil }
            current = next
        }
        return current
    }

    func resources(of topic: Topic?) -> [Resource] {
        (topic?.resourceIDs ?? []).compactMap { tree.resources[$0] }
    }

    func resource(titled title: String) -> Resource? {
        tree.resources.values.first { $0.title == title }
    }

    var warnings: [String] { tree.warnings.map(\.description) }
}
