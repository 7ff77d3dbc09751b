#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Many texts folded once into one byte buffer, so that finding a term in all of them is one
/// pass of `memchr` and `memcmp` instead of a walk per text: each text is a segment, segments are kept apart by
/// a zero byte (folding never makes one, so no match can span two texts).
struct FoldedTexts: Sendable {
    struct Segment: Sendable {
        var start: Int
        var end: Int
        var item: Int
        var field: SearchField
        /// The text was ASCII: an offset into the segment is an offset into the text.
        var keepsOffsets: Bool
    }

    private(set) var bytes: [UInt8] = [0]
    private(set) var segments: [Segment] = []

    mutating func add(_ text: String, item: Int, field: SearchField, cache: inout SearchFolding.Cache) {
        guard !text.isEmpty else { return }
        let start = bytes.count
        SearchFolding.append(text, to: &bytes, cache: &cache)
        segments.append(Segment(start: start, end: bytes.count, item: item, field: field,
                                keepsOffsets: bytes.count - start == text.utf8.count && SearchFolding.keepsOffsets(text)))
        bytes.append(0)
    }

    /// Calls `found` once for each segment holding `term`, with the offset of its first
    /// occurrence there, in buffer order.
    func forEachSegment(containing term: [UInt8], _ found: (Segment, _ offset: Int) -> Void) {
        guard !term.isEmpty, !segments.isEmpty else { return }
        bytes.withUnsafeBufferPointer { hay in
            term.withUnsafeBufferPointer { needle in
                guard let base = hay.baseAddress, let needleBase = needle.baseAddress else { return }
                var from = 0
                var low = 0
                while let position = Self.find(needleBase, needle.count, in: base, hay.count, from: from) {
                    let index = segmentIndex(containing: position, from: low)
                    let segment = segments[index]
                    found(segment, position - segment.start)
                    // One occurrence per text is all a match needs: go on after this text.
                    from = segment.end + 1
                    low = index + 1
                }
            }
        }
    }

    /// The first position at or after `from` where the needle occurs: `memchr` jumps to each
    /// candidate first byte, `memcmp` checks the rest (the C library's fast paths, no `memmem`,
    /// which Glibc's module does not export).
    static func find(_ needle: UnsafePointer<UInt8>, _ needleCount: Int, in hay: UnsafePointer<UInt8>, _ hayCount: Int,
                     from: Int) -> Int? {
        let first = Int32(needle[0])
        var start = from
        while hayCount - start >= needleCount {
            guard let candidate = memchr(hay + start, first, hayCount - start - needleCount + 1) else { return nil }
            let position = UnsafePointer(candidate.assumingMemoryBound(to: UInt8.self)) - hay
            if needleCount == 1 || memcmp(hay + position + 1, needle + 1, needleCount - 1) == 0 { return position }
            start = position + 1
        }
        return nil
    }

    /// The last segment starting at or before `position`, searching from `low` on (matches come
    /// in buffer order).
    private func segmentIndex(containing position: Int, from low: Int) -> Int {
        var low = low
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].start <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
