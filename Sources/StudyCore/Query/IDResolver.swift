/// Naming an item by its ID: the ID itself, a resource's link (its ID is made from the
/// normalised URL), or a unique start of an ID of at least `minimumPrefix` characters. The one
/// rule for items in the notes (`ItemLookup`, before titles) and for IDs only the store still
/// holds (`relink`'s OLD).
public enum IDResolver {
    public enum Match: Equatable, Sendable {
        case one(String)
        /// More than one ID starts with the query, in the order the candidates were given.
        case several([String])
        case none
    }

    /// The shortest prefix of an ID that a lookup accepts.
    public static let minimumPrefix = 3

    /// `isID` says whether an ID exists; `candidates` lists them all, and is asked only when
    /// the query is neither an ID nor a link to one.
    public static func match(_ query: String, isID: (String) -> Bool, candidates: () -> [String]) -> Match {
        if isID(query) { return .one(query) }
        if URLNormalizer.isResourceLink(query) {
            let id = StableID.resource(normalizedURL: URLNormalizer.normalize(query))
            if isID(id) { return .one(id) }
        }
        guard query.count >= minimumPrefix else { return .none }
        let prefix = query.lowercased()
        let matches = candidates().filter { $0.hasPrefix(prefix) }
        switch matches.count {
        case 0: return .none
        case 1: return .one(matches[0])
        default: return .several(matches)
        }
    }
}
