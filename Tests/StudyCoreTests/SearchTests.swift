import StudyCore
import Testing

/// Search as a learner meets it: what a query finds, in which order, and what a hit shows.
@Suite struct SearchTests {
    let tree: ContentTree

    init() {
        let here = SourceLocation(file: "a.md", line: 1)
        func resource(_ id: String, _ title: String, description: String = "", url: String? = nil,
                      checkbox: Bool? = nil) -> Resource {
            Resource(id: id, title: title, url: url, description: description, source: here, checkbox: checkbox)
        }
        let resources = [
            resource("rCafe", "Le Café des Sciences", description: "A podcast about research", url: "https://cafe.example/feed"),
            resource("rKube", "Kubernetes the hard way", description: "Bootstrap a cluster by hand",
                     url: "https://github.com/kelseyhightower/kubernetes-the-hard-way"),
            resource("rPods", "Pods and services", description: "How kubernetes schedules work", checkbox: true),
            resource("rTokyo", "東京大学の機械学習講義", description: "Lecture notes"),
            resource("rPaper", "Attention is all you need", description: "The transformer paper",
                     url: "https://arxiv.org/abs/1706.03762"),
        ]
        let serving = Topic(id: "tServing", title: "Serving models", kind: .heading, source: here,
                            note: "Use **vLLM** for batching;\nsee [the docs](https://docs.vllm.ai/kubernetes).\nZürich meetup notes.",
                            resourceIDs: ["rKube", "rPods"])
        let reading = Topic(id: "tReading", title: "Reading papers", kind: .file, source: here,
                            note: "# Reading\nStart with the abstract, then the figures.", children: [serving],
                            resourceIDs: ["rPaper", "rCafe"])
        let japan = Topic(id: "tJapan", title: "日本語の資料", kind: .file, source: here, resourceIDs: ["rTokyo", "rKube"])
        let root = Topic(id: "tRoot", title: "MLOps", kind: .root, source: here, children: [reading, japan])
        tree = ContentTree(roots: [root], resources: Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0) }),
                           warnings: [])
    }

    func ids(_ text: String, _ progress: LearnerProgress = LearnerProgress()) -> [String] {
        SearchIndex(tree: tree).hits(for: SearchQuery(text), progress: progress).map(\.id)
    }

    func hit(_ text: String, _ id: String, _ progress: LearnerProgress = LearnerProgress()) -> SearchHit? {
        SearchIndex(tree: tree).hits(for: SearchQuery(text), progress: progress).first { $0.id == id }
    }

    @Test func caseAndDiacriticsDoNotMatter() {
        #expect(ids("cafe") == ["rCafe"])
        #expect(ids("CAFÉ") == ["rCafe"])
        #expect(ids("café") == ["rCafe"])
        #expect(ids("zurich") == ["tServing"])
    }

    @Test func aDecomposedAccentInTheQueryMatchesTheComposedOne() {
        #expect(ids("cafe\u{301}") == ["rCafe"])
    }

    @Test func cjkMatchesBySubstring() {
        #expect(ids("機械学習") == ["rTokyo"])
        #expect(ids("日本") == ["tJapan"])
    }

    @Test func everyWordMustMatchInAnyOrderAndAcrossFields() {
        #expect(ids("hard kubernetes") == ["rKube"])
        // "cluster" is in the description, "kelseyhightower" in the URL: one item, two fields.
        #expect(ids("cluster kelseyhightower") == ["rKube"])
        #expect(ids("kubernetes banana").isEmpty)
    }

    /// On a bigger tree a second word looks only in what the first left: that must find the same.
    @Test func laterWordsFindTheSameAmongManyItems() {
        let here = SourceLocation(file: "a.md", line: 1)
        let fillers = (0..<40).map { Topic(id: "t\($0)", title: "Filler \($0)", kind: .heading, source: here, note: "nothing here") }
        let wanted = Resource(id: "rWanted", title: "Observability handbook", url: "https://o11y.example/tracing",
                              description: "Spans and metrics", source: here, checkbox: nil)
        let home = Topic(id: "tHome", title: "Home", kind: .file, source: here, note: "About observability.", resourceIDs: ["rWanted"])
        let root = Topic(id: "tRoot", title: "Root", kind: .root, source: here, children: fillers + [home])
        let index = SearchIndex(tree: ContentTree(roots: [root], resources: ["rWanted": wanted], warnings: []))
        let progress = LearnerProgress(annotations: [
            "rWanted": Annotation(itemID: "rWanted", text: "ask Priya", createdAt: .init(milliseconds: 0), updatedAt: .init(milliseconds: 0)),
        ])
        func found(_ text: String) -> [String] { index.hits(for: SearchQuery(text), progress: progress).map(\.id) }
        #expect(found("observability") == ["tHome", "rWanted"])
        #expect(found("observability spans tracing priya") == ["rWanted"])
        #expect(found("observability nothing").isEmpty)
        #expect(found("filler nothing").count == 40)
        #expect(index.hits(for: SearchQuery("observability metrics"), progress: progress).first?.field == .title)
    }

    @Test func aPhraseMustMatchAsWritten() {
        #expect(ids("\"the hard way\"") == ["rKube"])
        #expect(ids("\"hard the way\"").isEmpty)
        #expect(ids("way hard the") == ["rKube"])
    }

    @Test func aPhraseRunsAcrossAWrappedLineOfANote() {
        #expect(ids("\"batching; see\"") == ["tServing"])
        #expect(ids("\"batching;   see\"") == ["tServing"])
        #expect(ids("\"batching see\"").isEmpty)
    }

    @Test func eachItemIsFoundOnceInCurriculumOrder() {
        // rKube is listed under Serving and Japan; it comes once, where it is first listed.
        #expect(ids("kubernetes") == ["tServing", "rKube", "rPods"])
    }

    @Test func statusFiltersKeepResourcesOnly() {
        let progress = LearnerProgress(statuses: ["rKube": .learning])
        #expect(ids("is:learning kubernetes", progress) == ["rKube"])
        // rPods is `[x]` in the notes: done until the learner says otherwise.
        #expect(ids("is:done", progress) == ["rPods"])
        #expect(ids("is:todo kubernetes", progress).isEmpty)
        #expect(ids("is:done is:learning", progress) == ["rKube", "rPods"])
    }

    @Test func annotationsAreSearchedAndFiltered() {
        let progress = LearnerProgress(annotations: [
            "rPaper": Annotation(itemID: "rPaper", text: "Reread section 3.2\nSkim the appendix", createdAt: .init(milliseconds: 0),
                                 updatedAt: .init(milliseconds: 0)),
        ])
        #expect(ids("appendix", progress) == ["rPaper"])
        #expect(hit("appendix", "rPaper", progress) == SearchHit(kind: .resource, id: "rPaper", field: .annotation,
                                                                   snippet: "Skim the appendix"))
        #expect(ids("has:annotation", progress) == ["rPaper"])
        #expect(ids("has:annotation transformer", progress) == ["rPaper"])
        #expect(ids("has:annotation kubernetes", progress).isEmpty)
        #expect(ids("in:title appendix", progress).isEmpty)
    }

    @Test func inTitleLooksAtTitlesOnly() {
        #expect(ids("in:title kubernetes") == ["rKube"])
        #expect(ids("in:title batching").isEmpty)
    }

    @Test func theHitNamesTheBestFieldThatMatched() {
        #expect(hit("kubernetes", "rKube")?.field == .title)
        #expect(hit("kubernetes", "rPods")?.field == .description)
        #expect(hit("kubernetes", "tServing")?.field == .note)
        #expect(hit("arxiv", "rPaper")?.field == .url)
    }

    @Test func rankingPutsTitlesBeforeDescriptionsBeforeProse() {
        let index = SearchIndex(tree: tree)
        let ranked = index.ranked(for: SearchQuery("kubernetes"), progress: LearnerProgress()).map(\.id)
        #expect(ranked == ["rKube", "rPods", "tServing"])
    }

    /// Each field quotes its own text, a title whole: whether the title matched or the query
    /// is filters only.
    @Test func eachFieldQuotesItsOwnText() {
        #expect(hit("kubernetes", "rKube")?.snippet == "Kubernetes the hard way")
        #expect(hit("is:learning", "rKube", LearnerProgress(statuses: ["rKube": .learning]))?.snippet == "Kubernetes the hard way")
        #expect(hit("by hand", "rKube")?.snippet == "Bootstrap a cluster by hand")
        #expect(hit("arxiv", "rPaper")?.snippet == "https://arxiv.org/abs/1706.03762")
        #expect(hit("zurich", "tServing")?.snippet == "Zürich meetup notes.")
    }

    @Test func aNoteSnippetIsTheMatchedLineWithoutMarkdownSyntax() {
        #expect(hit("batching", "tServing")?.snippet == "Use vLLM for batching;")
        #expect(hit("docs", "tServing")?.snippet == "see the docs.")
        #expect(hit("figures", "tReading")?.snippet == "Start with the abstract, then the figures.")
    }

    @Test func aLongLineIsCutAroundTheMatch() {
        let here = SourceLocation(file: "a.md", line: 1)
        let words = (1...60).map { "word\($0)" }.joined(separator: " ")
        let topic = Topic(id: "t", title: "T", kind: .root, source: here, note: words)
        let index = SearchIndex(tree: ContentTree(roots: [topic], resources: [:], warnings: []))
        let snippet = index.hits(for: SearchQuery("word40"), progress: LearnerProgress()).first?.snippet ?? ""
        #expect(snippet.count <= 80)
        #expect(snippet.hasPrefix("…"))
        #expect(snippet.contains("word40"))
        #expect(snippet.hasSuffix("…"))
    }

    @Test func problemsNameWhatAFilterTakes() {
        #expect(SearchQuery("is:finished").problem == "is: takes todo, learning, done or skipped")
        #expect(SearchQuery("has:notes").problem == "has: takes annotation")
        #expect(SearchQuery("in:body").problem == "in: takes title")
        #expect(SearchQuery("IS:Learning vllm").problem == nil)
        #expect(SearchQuery("https://docs.vllm.ai").problem == nil)
        #expect(ids("is:finished kubernetes").isEmpty)
    }

    @Test func emptinessIsAboutWordsAndFilters() {
        #expect(SearchQuery("").isEmpty)
        #expect(SearchQuery("   \"\" ").isEmpty)
        #expect(SearchQuery("in:title").isEmpty)
        #expect(!SearchQuery("is:todo").isEmpty)
        #expect(!SearchQuery("kube").isEmpty)
        #expect(ids("").isEmpty)
    }

    @Test func aQueryNarrowsAnotherWhenItCanOnlyFindFewer() {
        #expect(SearchQuery("kubernetes").narrows(SearchQuery("kube")), "a word typed on")
        #expect(SearchQuery("kube hard").narrows(SearchQuery("kube")), "a word added")
        #expect(SearchQuery("\"the hard way\"").narrows(SearchQuery("\"the hard\"")), "a phrase typed on")
        #expect(SearchQuery("KUBÉ").narrows(SearchQuery("kube")), "compared folded")
        #expect(!SearchQuery("kube").narrows(SearchQuery("kubernetes")), "a letter erased widens")
        #expect(!SearchQuery("kube").narrows(SearchQuery("kube hard")), "a word erased widens")
        #expect(!SearchQuery("is:done is:learning").narrows(SearchQuery("is:done")), "a status added widens")
        #expect(!SearchQuery("kube").narrows(SearchQuery("in:title kube")), "a filter dropped widens")
        #expect(!SearchQuery("in:title kube").narrows(SearchQuery("kube")), "another filter")
        #expect(!SearchQuery("kube").narrows(SearchQuery("")), "an empty query finds nothing to narrow")
        #expect(!SearchQuery("in:title kube").narrows(SearchQuery("in:title")), "nor does a filter asking for nothing")
    }

    /// What the search line asks on every key: the hits among the last key's must be exactly
    /// those found from scratch, in order, with the same field and snippet, whichever way the
    /// query changed.
    @Test func hitsAmongTheLastQuerysAreTheHitsFromScratch() {
        let progress = LearnerProgress(statuses: ["rKube": .learning], annotations: [
            "rPaper": Annotation(itemID: "rPaper", text: "Skim the appendix", createdAt: .init(milliseconds: 0),
                                 updatedAt: .init(milliseconds: 0)),
        ])
        let index = SearchIndex(tree: tree)
        let typed = ["k", "ku", "kube", "kubernetes", "kubernetes h", "kubernetes hard", "kubernetes", "kub",
                     "is:done", "is:done is:learning", "is:done is:learning kube", "is:learning kube", "kube",
                     "in:title kube", "kube", "t", "th", "the", "the ", "the a", "the appendix", "the", "\"the hard\"", "the"]
        var previous: (query: SearchQuery, hits: [SearchHit])?
        for text in typed {
            let query = SearchQuery(text)
            let fresh = index.hits(for: query, progress: progress)
            let narrowed = index.hits(for: query, progress: progress, previous: previous)
            #expect(narrowed == fresh, "/\(text) after /\(previous?.query.terms.joined(separator: " ") ?? "")")
            previous = (query, narrowed)
        }
    }

    @Test func matchRangesCoverEachOccurrenceInTheOriginalText() {
        let text = "Café, CAFE and cafe\u{301}!"
        let ranges = SearchText.matchRanges(of: SearchQuery("cafe"), in: text)
        #expect(ranges.map { String(text[$0]) } == ["Café", "CAFE", "cafe\u{301}"])
        let phrase = "Kubernetes the hard way"
        #expect(SearchText.matchRanges(of: SearchQuery("\"the hard\" kube"), in: phrase).map { String(phrase[$0]) }
                == ["Kube", "the hard"])
    }

    @Test func matchRangesCoverWholeCharacters() {
        let text = "a 👍🏽 b 🇯🇵"
        #expect(SearchText.matchRanges(of: SearchQuery("👍"), in: text).map { String(text[$0]) } == ["👍🏽"])
        #expect(SearchText.matchRanges(of: SearchQuery("🇯"), in: text).map { String(text[$0]) } == ["🇯🇵"])
    }
}
