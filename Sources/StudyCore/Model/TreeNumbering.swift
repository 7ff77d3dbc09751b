/// The numbers a loader gives a tree while it builds it, handed to `ItemIndex` so that it does
/// not hash every ID again: each topic's number (depth-first, parents before children, as
/// `ItemIndex` numbers them) by ID, and every listing of a resource, in the same order, as its
/// position in the tree's `ResourceTable`.
///
/// Only true of the tree it was made with: `ContentTree` drops it when its topics or resources
/// are changed, and `ItemIndex` checks the counts before it trusts it.
public final class TreeNumbering: Sendable {
    public let topicNumbers: [String: Int32]
    /// Every topic's `resourceIDs`, depth-first, as positions in the tree's resource table.
    public let listed: [Int32]

    public init(topicNumbers: [String: Int32], listed: [Int32]) {
        self.topicNumbers = topicNumbers
        self.listed = listed
    }
}
