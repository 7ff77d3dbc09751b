import StudyCore
import TermGrid

/// One table from keys to actions per view (after nnn's single key table): the reducer asks
/// "what does this key mean here?", and the help overlay lists the same bindings.
public enum Action: Hashable, Sendable {
    case move(Int), page(Int), halfPage(Int), first, last
    case collapse, expand
    case switchPane, switchPaneBack
    case open
    case toggleDone
    case mark(Status)
    case undo
    case annotate, editExternally
    case openLink, openNoteLink(Int), copyLink
    case help
    case back, cancel
}

public enum Keymap {
    /// The browser. `l` is "expand" in the tree and "mark learning" in the resource list, as the
    /// help overlay says: in the list there is nothing to expand.
    public static func browse(_ key: Key, focus: AppState.Pane) -> Action? {
        if focus == .tree, key == .character("l") { return .expand }
        if focus == .detail, key == .character("h") { return .collapse }
        return common(key) ?? marking(key)
    }

    public static func reader(_ key: Key) -> Action? {
        switch key {
        case .left, .character("h"): return .back
        case .right: return nil
        default: return common(key) ?? marking(key)
        }
    }

    static func common(_ key: Key) -> Action? {
        switch key {
        case .down, .character("j"): .move(1)
        case .up, .character("k"): .move(-1)
        case .pageDown, .character("f") , .control("f"): .page(1)
        case .pageUp, .character("b"), .control("b"): .page(-1)
        case .control("d"): .halfPage(1)
        case .control("u"): .halfPage(-1)
        case .home, .character("g"): .first
        case .end, .character("G"): .last
        case .left, .character("h"): .collapse
        case .right: .expand
        case .tab: .switchPane
        case .backTab: .switchPaneBack
        case .enter: .open
        case .character("u"): .undo
        case .character("a"): .annotate
        case .character("e"): .editExternally
        case .character("o"): .openLink
        case .character("y"): .copyLink
        case .character("?"), .function(1): .help
        case .character("q"): .back
        case .escape: .cancel
        case .character(let c) where ("1"..."9").contains(c): .openNoteLink(Int(String(c)) ?? 0)
        default: nil
        }
    }

    static func marking(_ key: Key) -> Action? {
        switch key {
        case .character(" "): .toggleDone
        case .character("d"): .mark(.done)
        case .character("l"): .mark(.learning)
        case .character("s"): .mark(.skipped)
        case .character("r"): .mark(.todo)
        default: nil
        }
    }
}
