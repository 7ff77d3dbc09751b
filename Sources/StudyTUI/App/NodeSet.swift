/// A set of tree node numbers kept as one bit per node: what a search leaves in the tree. A
/// letter typed on a big folder shows tens of thousands of nodes; a bit each is made, tested and
/// walked in tree order without hashing one of them.
public struct NodeSet: Sendable, Equatable {
    private var words: [UInt64]

    /// An empty set for node numbers below `capacity` (larger ones are taken too, growing it).
    public init(capacity: Int) {
        words = Array(repeating: 0, count: (max(0, capacity) + 63) / 64)
    }

    public func contains(_ node: Int) -> Bool {
        guard node >= 0, node >> 6 < words.count else { return false }
        return words[node >> 6] & (1 << UInt64(node & 63)) != 0
    }

    /// Adds `node`; true when it was not in the set.
    @discardableResult
    public mutating func insert(_ node: Int) -> Bool {
        guard node >= 0 else { return false }
        if node >> 6 >= words.count { words += Array(repeating: 0, count: node >> 6 - words.count + 1) }
        let bit: UInt64 = 1 << UInt64(node & 63)
        guard words[node >> 6] & bit == 0 else { return false }
        words[node >> 6] |= bit
        return true
    }

    /// The members in increasing order (tree order: `TopicIndex` numbers nodes depth-first).
    public var sorted: [Int] {
        var members: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                members.append(index << 6 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return members
    }
}
