/// Lines of text folded for search once (`SearchFolding`), so that a query typed a key at a time
/// is looked for in all of them without folding any again: what the whole-file reader's `/`
/// searches, a document of up to ~90,000 lines. A line matches a query exactly when
/// `SearchText.matchRanges(of:in:)` finds something in it. Lines can be added at the end as
/// they come (the reader folds a long file from the top only as far as a search has read it):
/// the lines folded so far match exactly as they do once all are.
public struct FoldedLines: Sendable {
    /// Every line folded, each followed by a line feed, which no folded term holds (folding makes
    /// every line break and control a space): no match runs from one line into the next.
    private var bytes: [UInt8] = []
    /// Where each line starts in `bytes`.
    private var starts: [Int] = []

    private var cache = SearchFolding.Cache()

    public init(_ lines: some Sequence<String>) {
        for line in lines { append(line) }
    }

    /// Folds one more line, after those folded so far.
    public mutating func append(_ line: String) {
        starts.append(bytes.count)
        SearchFolding.append(line, to: &bytes, cache: &cache)
        bytes.append(0x0A)
    }

    public var count: Int { starts.count }

    /// The lines, in order, that every one of `queries` matches (all of them when there is none),
    /// from line `first` on: each line is looked at alone, so the lines folded later are
    /// searched without looking again at those searched before.
    public func lines(matchingAll queries: [SearchQuery], from first: Int = 0) -> [Int] {
        let first = min(max(0, first), count)
        var found: [Int]?
        for query in queries {
            let matching = lines(matching: query, from: first)
            found = found.map { Self.common($0, matching) } ?? matching
            if found?.isEmpty == true { break }
        }
        return found ?? Array(first..<count)
    }

    /// The lines from `first` on that hold any of `query`'s folded terms, in order, each once.
    func lines(matching query: SearchQuery, from first: Int = 0) -> [Int] {
        var matching: [Int] = []
        for term in query.foldedTerms {
            var from = first < starts.count ? starts[first] : bytes.count
            while let offset = SearchIndex.firstOffset(of: term, in: bytes, from: from) {
                let line = self.line(at: offset)
                matching.append(line)
                // On from the next line: one match is enough for a line.
                from = line + 1 < starts.count ? starts[line + 1] : bytes.count
            }
        }
        if query.foldedTerms.count > 1 { matching = Array(Set(matching)).sorted() }
        return matching
    }

    /// The line that byte `offset` is in.
    private func line(at offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The lines in both of two ordered lists.
    private static func common(_ first: [Int], _ second: [Int]) -> [Int] {
        var both: [Int] = []
        var i = 0
        var j = 0
        while i < first.count && j < second.count {
            if first[i] == second[j] {
                both.append(first[i])
                i += 1
                j += 1
            } else if first[i] < second[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return both
    }
}
