import StudyContent
import StudyCore
import StudyTestSupport
@testable import StudyTUI
import TermGrid

/// A small course on disk, loaded as the dashboard would load it: three files with notes,
/// resources, a done checkbox, links in the prose, and one file of wide (CJK, emoji) text.
struct Fixture {
    let folder: TemporaryFolder
    let model: DashboardModel

    static let files: [String: String] = [
        "Course/README.md": """
            # Course

            A short course used by the dashboard's tests. It has **three** parts; read them in order.
            """,
        "Course/01-foundations.md": """
            # Foundations

            Start with the *basics*: data, `features`, and the [course page](https://example.com/course).
            Then read the [second link](https://example.com/second).

            - [Designing ML Systems](https://example.com/dmls) — the book to read first
            - [x] [Already Read](https://example.com/done) — marked in the notes

            A [bad scheme](javascript:alert(1)) must never open.

            ## Statistics

            Probability and inference, enough to judge an experiment.

            - [Seeing Theory](https://seeing-theory.brown.edu/) — visual statistics
            - [ ] Practice problems without a link
            """,
        "Course/02-deployment.md": """
            # Deployment

            Serving models:

            > Ship small, ship often.

            | Tool | Kind |
            |------|------|
            | KServe | serving |
            | Seldon | serving |

            ```
            kubectl apply -f model.yaml
            ```

            1. Package the model
            2. Serve it behind an API

            - [KServe](https://kserve.github.io/website/) — model serving on Kubernetes
            - [BentoML](https://www.bentoml.com/) — package and serve
            """,
        "Course/03-wide.md": """
            # 日本語のノート 🎉

            機械学習の基礎を学ぶ。絵文字 👍🏽 と結合文字 é を含む。

            - [機械学習の本](https://example.jp/book) — 説明 👍🏽
            """,
    ]

    init(files: [String: String] = Fixture.files, function: String = #function) throws {
        folder = try TemporaryFolder(files, function: function)
        let tree = try ContentLoader.load(folders: [folder.url("Course")])
        model = DashboardModel(tree: tree, renderNote: NoteRenderer.render, resolveLink: NoteLinkResolver(tree: tree).resolve)
    }

    func state(width: Int = 80, height: Int = 24, progress: LearnerProgress = LearnerProgress()) -> AppState {
        var state = AppState(model: model, progress: progress, width: width, height: height)
        Reducer.settleScroll(&state)
        return state
    }
}

extension AppState {
    /// Presses keys one after another, collecting every effect.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += Reducer.handle(key, state: &self) }
        return effects
    }

    /// What the terminal reports besides keys: a resize, Ctrl-C, the idle tick.
    @discardableResult
    mutating func send(_ event: Event) -> [Effect] { Reducer.handle(.event(event), state: &self) }

    /// What an effect came to, fed back as the run loop feeds it.
    @discardableResult
    mutating func receive(_ message: Message) -> [Effect] { Reducer.handle(message, state: &self) }

    var selectedTitle: String? { selectedNode.map { index.nodes[$0].topic.title } }

    var renderedGrid: Grid { Dashboard.render(self).grid }

    var screen: String { renderedGrid.text }
}

extension Key {
    static func char(_ c: Character) -> Key { .character(c) }
}
