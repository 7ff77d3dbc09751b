import Testing
@testable import StudyTUI

/// The tree pane's width: as the config file asks, and `+` / `-` in the browser, always leaving
/// both panes room to be read.
@Suite struct TreeWidthTests {
    @Test func plusWidensAndMinusNarrowsTheTreeLive() throws {
        let fixture = try Fixture()
        var state = fixture.state(width: 100, height: 30)
        #expect(state.layout.tree.width == 40, "two fifths by default")
        let rule = Self.row(5, of: state)[40]
        state.press(.char("+"))
        #expect(state.layout.tree.width == 45)
        #expect(state.layout.detail.x == 46)
        // The rule between the panes moves with it on screen.
        #expect(Self.row(5, of: state)[45] == rule)
        #expect(Self.row(5, of: state)[40] != rule)
        state.press(.char("-"), .char("-"))
        #expect(state.layout.tree.width == 35)
        #expect(Self.row(5, of: state)[35] == rule)
    }

    static func row(_ number: Int, of state: AppState) -> [Character] {
        Array(state.renderedGrid.text.split(separator: "\n", omittingEmptySubsequences: false)[number])
    }

    @Test func neitherPaneIsSqueezedAwayByRepeatedPresses() throws {
        let fixture = try Fixture()
        var state = fixture.state(width: 100, height: 30)
        for _ in 0..<40 { state.press(.char("+")) }
        #expect(state.layout.tree.width == 100 - 1 - Layout.minimumDetail, "the detail pane keeps 30 columns")
        #expect(state.layout.detail.width >= Layout.minimumDetail)
        for _ in 0..<40 { state.press(.char("-")) }
        #expect(state.layout.tree.width == Layout.minimumTree)
        // One press back moves it at once: the share stopped at its bound.
        state.press(.char("-"))
        #expect(state.layout.tree.width == Layout.minimumTree)
        state.press(.char("+"))
        #expect(state.layout.tree.width == 21)
    }

    @Test func aWidthInColumnsStepsByColumnsAndKeepsOnResize() throws {
        let fixture = try Fixture()
        var state = fixture.state(width: 100, height: 30)
        state.treeShare = .columns(50)
        #expect(state.layout.tree.width == 50)
        state.press(.char("+"))
        #expect(state.layout.tree.width == 54)
        state.width = 120
        #expect(state.layout.tree.width == 54)
        state.width = 80
        #expect(state.layout.tree.width == 80 - 1 - Layout.minimumDetail)
    }

    @Test func aPercentShareFollowsTheScreen() throws {
        let fixture = try Fixture()
        var state = fixture.state(width: 100, height: 30)
        state.treeShare = .percent(30)
        #expect(state.layout.tree.width == 30)
        state.width = 200
        #expect(state.layout.tree.width == 60)
    }
}
