/// A set of tree node numbers kept as one bit per node: what a search leaves in the tree, and
/// the topics open in it. A letter typed on a big folder shows tens of thousands of nodes and
/// opens thousands; a bit each is made, tested and walked in tree order without hashing one of
/// them.
public struct NodeSet: Sendable, Equatable, Sequence {
    private var words: [UInt64]

    /// An empty set for node numbers below `capacity` (larger ones are taken too, growing it).
    public init(capacity: Int) {
        words = Array(repeating: 0, count: (Swift.max(0, capacity) + 63) / 64)
    }

    /// The set of `nodes` (negative numbers are never nodes, and are left out).
    public init(_ nodes: some Sequence<Int>) {
        self.init(capacity: 0)
        for node in nodes { insert(node) }
    }

    public func contains(_ node: Int) -> Bool {
        guard node >= 0, node >> 6 < words.count else { return false }
        return words[node >> 6] & (1 << UInt64(node & 63)) != 0
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

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

    /// Takes `node` out; true when it was in the set.
    @discardableResult
    public mutating func remove(_ node: Int) -> Bool {
        guard contains(node) else { return false }
        words[node >> 6] &= ~(1 << UInt64(node & 63))
        return true
    }

    /// The members in increasing order (tree order: `TopicIndex` numbers nodes depth-first).
    public var sorted: [Int] { Array(self) }

    /// Equal as sets: two sets made for different capacities hold the same nodes when their
    /// extra words are empty.
    public static func == (left: NodeSet, right: NodeSet) -> Bool {
        let common = Swift.min(left.words.count, right.words.count)
        return left.words.prefix(common) == right.words.prefix(common)
            && left.words.dropFirst(common).allSatisfy { $0 == 0 } && right.words.dropFirst(common).allSatisfy { $0 == 0 }
    }

    /// The members in increasing order.
    public struct Iterator: IteratorProtocol {
        fileprivate let words: [UInt64]
        fileprivate var index = 0
        fileprivate var rest: UInt64 = 0

        public mutating func next() -> Int? {
            while rest == 0 {
                index += 1
                guard index < words.count else { return nil }
                rest = words[index]
            }
            let member = index << 6 + rest.trailingZeroBitCount
            rest &= rest - 1
            return member
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(words: words, index: -1, rest: 0)
    }
}
