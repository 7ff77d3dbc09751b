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
}
