import Testing
@testable import StudyCore

/// `FoldedLines` (the reader's `/` over a long document) finds a line exactly when
/// `SearchText.matchRanges` finds something in it: case, accents, wide text, phrases, every word.
@Suite struct FoldedLinesTests {
    static let lines = [
        "The Café opens at nine", "", "CAFE and cafe", "un café crème", "機械学習の基礎", "e\u{301}te\u{301} à Paris",
        "a phrase that runs", "the phrase", "runs on", "   ", "tab\there", "👍🏽 thumbs", "last line: café",
    ]

    func expected(_ queries: [SearchQuery]) -> [Int] {
        Self.lines.indices.filter { line in queries.allSatisfy { !SearchText.matchRanges(of: $0, in: Self.lines[line]).isEmpty } }
    }

    @Test(arguments: ["cafe", "CAFÉ", "café crème", "\"the phrase\"", "phrase runs", "学習", "ete", "été paris",
                      "tab here", "👍", "e", " ", "line: caf", "nothing here", "\"runs on\""])
    func aLineMatchesExactlyWhenMatchRangesFindsSomething(text: String) {
        let folded = FoldedLines(Self.lines)
        // As the reader asks: each word or phrase of the line, alone, quoted.
        let queries = SearchQuery(text).terms.map { SearchQuery("\"" + $0 + "\"") }
        #expect(folded.lines(matchingAll: queries) == expected(queries), "\(text)")
        let whole = [SearchQuery(text)]
        #expect(folded.lines(matchingAll: whole) == expected(whole), "\(text) as one query")
    }

    @Test func noMatchRunsFromTheEndOfOneLineIntoTheNext() {
        let folded = FoldedLines(["ends with run", "s on the next"])
        #expect(folded.lines(matchingAll: [SearchQuery("\"runs\"")]).isEmpty)
        #expect(folded.lines(matchingAll: [SearchQuery("\"run\"")]) == [0])
    }

    @Test(arguments: ["cafe", "phrase runs", "e", "\"runs on\"", "nothing here"])
    func linesFoldedAPartAtATimeAndSearchedFromWhereTheLastSearchEndedFindTheSame(text: String) {
        let queries = SearchQuery(text).terms.map { SearchQuery("\"" + $0 + "\"") }
        let whole = FoldedLines(Self.lines).lines(matchingAll: queries)
        for part in 1...4 {
            var folded = FoldedLines([])
            var found: [Int] = []
            var searched = 0
            for (index, line) in Self.lines.enumerated() {
                folded.append(line)
                if index % part == 0 || index == Self.lines.count - 1 {
                    #expect(folded.lines(matchingAll: queries) == whole.filter { $0 <= index }, "\(text) over the first \(index + 1)")
                    found += folded.lines(matchingAll: queries, from: searched)
                    searched = folded.count
                }
            }
            #expect(found == whole, "\(text), searched \(part) line(s) at a time")
        }
    }
}
