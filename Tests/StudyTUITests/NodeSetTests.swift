import Testing
@testable import StudyTUI

/// The bit set a search filters the tree with answers exactly as a `Set<Int>` would: the tree
/// shows a node only when it is a member, and lists members in tree (number) order.
@Suite struct NodeSetTests {
    @Test(arguments: [0, 1, 63, 64, 65, 1000])
    func itHoldsWhatASetHolds(capacity: Int) {
        var bits = NodeSet(capacity: capacity)
        var reference = Set<Int>()
        var seed: UInt64 = UInt64(capacity) &+ 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            // Beyond the capacity too: a node revealed in a filtered tree may be any.
            let node = Int(seed >> 33) % (capacity + 130)
            let added = bits.insert(node)
            #expect(added == reference.insert(node).inserted)
        }
        for node in -2..<(capacity + 140) { #expect(bits.contains(node) == reference.contains(node), "\(node)") }
        #expect(bits.sorted == reference.sorted())
        let negative = bits.insert(-1)
        #expect(!negative, "a negative number is never a node")
    }

    /// The open topics are a `NodeSet` too: taking nodes out (collapsing) and comparing two sets
    /// (the open topics before a search and after `Esc`) answer as a `Set<Int>` does, whatever
    /// capacity each was made with.
    @Test func removingAndComparingAnswerAsASetDoes() {
        var bits = NodeSet(capacity: 10)
        var reference = Set<Int>()
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for step in 0..<3_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let node = Int(seed >> 33) % 300
            if step % 3 == 0 {
                #expect(bits.remove(node) == (reference.remove(node) != nil))
            } else {
                #expect(bits.insert(node) == reference.insert(node).inserted)
            }
            #expect(bits.isEmpty == reference.isEmpty)
        }
        #expect(Array(bits) == reference.sorted(), "iterated in tree order")
        let rebuilt = NodeSet(reference.sorted().reversed())
        #expect(rebuilt == bits)
        var wider = NodeSet(capacity: 5_000)
        for node in reference { wider.insert(node) }
        #expect(wider == bits && bits == wider, "the same nodes, another capacity")
        wider.insert(4_999)
        #expect(wider != bits && bits != wider)
        #expect(!bits.remove(-1) && !bits.remove(1_000_000))
    }
}
