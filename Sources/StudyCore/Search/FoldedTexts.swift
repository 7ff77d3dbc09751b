#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Many texts folded once into one byte buffer, so that finding a term in all of them is one
/// pass of `memchr` and `memcmp` instead of a walk per text: each text is a segment, segments are kept apart by
/// a zero byte (folding never makes one, so no match can span two texts).
struct FoldedTexts: Sendable {
    /// 32-bit offsets and item numbers: a big folder has hundreds of thousands of segments, and
    /// half their size is worth the limit (a buffer of 4 GB, four billion items; `add` stops there).
    struct Segment: Sendable {
        private var start32: UInt32
        private var end32: UInt32
        private var item32: UInt32
        var field: SearchField
        /// The text was ASCII: an offset into the segment is an offset into the text.
        var keepsOffsets: Bool

        var start: Int { Int(start32) }
        var end: Int { Int(end32) }
        var item: Int { Int(item32) }

        /// Nil past the 32-bit limit.
        init?(start: Int, end: Int, item: Int, field: SearchField, keepsOffsets: Bool) {
            guard let start32 = UInt32(exactly: start), let end32 = UInt32(exactly: end),
                  let item32 = UInt32(exactly: item) else { return nil }
            self.start32 = start32
            self.end32 = end32
            self.item32 = item32
            self.field = field
            self.keepsOffsets = keepsOffsets
        }
    }

    private(set) var bytes: [UInt8] = [0]
    private(set) var segments: [Segment] = []
    /// For item i, its segments are `firstSegment[i] ..< firstSegment[i + 1]` (set by `finish`).
    private var firstSegment: [Int32] = []

    /// Room for texts of this many UTF-8 bytes in all: the buffer then never grows by doubling,
    /// which on a big folder would hold twice its size at the peak.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity + 1)
    }

    mutating func add(_ text: String, item: Int, field: SearchField, cache: inout SearchFolding.Cache) {
        guard !text.isEmpty else { return }
        let start = bytes.count
        SearchFolding.append(text, to: &bytes, cache: &cache)
        guard let segment = Segment(start: start, end: bytes.count, item: item, field: field,
                                    keepsOffsets: bytes.count - start == text.utf8.count && SearchFolding.keepsOffsets(text))
        else {
            // Past 4 GB of notes the rest is not searched, rather than searched wrong.
            bytes.removeSubrange(start...)
            return
        }
        segments.append(segment)
        bytes.append(0)
    }

    /// Records where each item's segments are, once every text is added (in item order).
    mutating func finish(itemCount: Int) {
        firstSegment = Array(repeating: Int32(segments.count), count: itemCount + 1)
        for (index, segment) in segments.enumerated().reversed() { firstSegment[segment.item] = Int32(index) }
        for item in stride(from: itemCount - 1, through: 0, by: -1) {
            firstSegment[item] = min(firstSegment[item], firstSegment[item + 1])
        }
    }

    /// Calls `found` for each item (every item, or these only, ascending: what a second word
    /// costs when the first left few items) with the first of its segments that holds `term`
    /// and the offset of its first occurrence there. An item's segments are looked in in the
    /// order they were added, and the first one `skips` accepts ends the item's look: its match
    /// would tell the caller nothing new (its item already matched in a field as good), and
    /// neither would a later one's, as an item's fields are added best first. For a common
    /// letter that spares most of the notes, each item's texts passed over at once.
    // Inlined into its one caller, so that `skips` and `found` are not a call each per item.
    @inline(__always)
    func forEachItem(of items: [Int]? = nil, containing term: [UInt8], skipping skips: (Segment) -> Bool,
                     _ found: (Segment, _ offset: Int) -> Void) {
        guard !term.isEmpty, !segments.isEmpty, firstSegment.count > 1 else { return }
        bytes.withUnsafeBufferPointer { hay in
            term.withUnsafeBufferPointer { needle in
                segments.withUnsafeBufferPointer { segments in
                    firstSegment.withUnsafeBufferPointer { firstSegment in
                        guard let base = hay.baseAddress, let needleBase = needle.baseAddress else { return }
                        let anchor = Self.anchor(of: needle)
                        func look(_ item: Int) {
                            for index in Int(firstSegment[item])..<Int(firstSegment[item + 1]) {
                                let segment = segments[index]
                                if skips(segment) { return }
                                if let position = Self.find(needleBase, needle.count, anchor: anchor, in: base, hay.count,
                                                            from: segment.start, before: segment.end) {
                                    found(segment, position - segment.start)
                                    return
                                }
                            }
                        }
                        guard let items else {
                            for item in 0..<(firstSegment.count - 1) { look(item) }
                            return
                        }
                        for item in items { look(item) }
                    }
                }
            }
        }
    }

    /// The first position at or after `from` where the needle occurs, ending at or before `end`
    /// (the whole buffer when nil). One byte: `memchr`. Longer:
    /// 16 places at a time are tested for the needle's two rarest bytes at once (a "packed pair"
    /// filter, in SIMD registers), and `memcmp` checks the whole needle only where both are. Anchoring on
    /// rare bytes matters: `e` is a tenth of English text, `k` a hundredth; and a pair of them is
    /// rarer still, where jumping from one `l` to the next with `memchr` stopped every 30 bytes.
    /// The 16 places may read past `end` (never past `hayCount`), so that a short text costs one
    /// test, not a byte-by-byte tail.
    ///
    /// `anchor`: the needle's `anchor(of:)`, worked out once per term, not once per text.
    static func find(_ needle: UnsafePointer<UInt8>, _ needleCount: Int, anchor: Anchor, in hay: UnsafePointer<UInt8>,
                     _ hayCount: Int, from: Int, before end: Int? = nil) -> Int? {
        let end = min(end ?? hayCount, hayCount)
        guard needleCount > 1 else {
            guard end > from, needleCount == 1,
                  let found = memchr(hay + from, Int32(needle[0]), end - from) else { return nil }
            return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - hay
        }
        let (first, second) = (anchor.first, anchor.second)
        let third = needleCount == 3 ? 3 - first - second : 0
        let thirdByte = needle[third]
        let firstByte = needle[first], secondByte = needle[second]
        let firstBytes = SIMD16<UInt8>(repeating: firstByte), secondBytes = SIMD16<UInt8>(repeating: secondByte)
        // The last place a match can start, and the last from which 16 places can be read.
        let last = end - needleCount
        let lastBlock = min(last, hayCount - 16 - max(first, second))
        var start = from
        let raw = UnsafeRawPointer(hay)
        while start <= lastBlock {
            let atFirst = raw.loadUnaligned(fromByteOffset: start &+ first, as: SIMD16<UInt8>.self) .== firstBytes
            let atSecond = raw.loadUnaligned(fromByteOffset: start &+ second, as: SIMD16<UInt8>.self) .== secondBytes
            let both = atFirst .& atSecond
            if any(both) {
                var lanes = laneBits(both)
                while lanes != 0 {
                    let position = start &+ lanes.trailingZeroBitCount
                    if position > last { return nil }
                    // Two bytes are the two anchors, both tested: nothing is left to compare; of three,
                    // the one left (offsets 0, 1 and 2 add up to 3) is one byte to compare, not a call.
                    if needleCount == 2 || (needleCount == 3 ? hay[position &+ third] == thirdByte
                        : memcmp(hay + position, needle, needleCount) == 0) { return position }
                    lanes &= lanes &- 1
                }
            }
            start &+= 16
        }
        while start <= last {
            if hay[start + first] == firstByte && hay[start + second] == secondByte
                && (needleCount == 2 || memcmp(hay + start, needle, needleCount) == 0) { return start }
            start += 1
        }
        return nil
    }

    /// Bit n set for each lane n of the mask that is true: the places to check, in order, without
    /// asking each of the 16 lanes.
    @inline(__always)
    private static func laneBits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt32 {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        // Each true lane is 0xff: its top bit, gathered into the top byte by one multiplication.
        func gather(_ word: UInt64) -> UInt32 {
            UInt32(truncatingIfNeeded: ((word & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56)
        }
        return gather(words[0]) | gather(words[1]) << 8
    }

    /// The two places in a needle that `find` tests first: its rarest byte and, of the others, the rarest
    /// (the same place twice for a one-byte needle).
    struct Anchor: Sendable {
        var first: Int
        var second: Int
    }

    /// Where the needle's two rarest bytes are: the ones `find` tests first.
    static func anchor(of needle: UnsafeBufferPointer<UInt8>) -> Anchor {
        var first = 0
        for offset in needle.indices.dropFirst() where rarity(needle[offset]) > rarity(needle[first]) { first = offset }
        var second = first
        for offset in needle.indices where offset != first
            && (second == first || rarity(needle[offset]) > rarity(needle[second])) { second = offset }
        return Anchor(first: first, second: second)
    }

    /// How rare a byte is in folded notes, higher rarer: letters by their frequency in English,
    /// the space and `e` commonest. A guess that needs no pass over the notes.
    private static func rarity(_ byte: UInt8) -> Int {
        switch byte {
        case 0x20: return 0
        case 0x61...0x7a: return letterRarity[Int(byte - 0x61)]
        case 0x30...0x39: return 20
        case 0x80...0xbf: return 10
        case 0xc0...: return 15
        default: return 22
        }
    }

    /// a…z: e t a o i n s r h l d c u m f p g w y b v k x j q z, commonest first, as 1…26.
    private static let letterRarity = [3, 20, 12, 11, 1, 15, 17, 9, 5, 24, 22, 10, 14, 6, 4, 16, 25, 8, 7, 2, 13, 21, 18, 23, 19, 26]
}
