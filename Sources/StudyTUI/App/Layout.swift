import TermGrid

/// Where things go on a screen of a given size: a title row, a status row, and between them two
/// panes side by side from 80×24 up, one pane below that, and only a "too small" notice below
/// 40×10. Pure arithmetic, shared by the reducer (page sizes) and the widgets (drawing).
public struct Layout: Hashable, Sendable {
    public enum Kind: Sendable { case tooSmall, single, split }

    /// The tree pane's width asked for (config `tree_width`, `+` / `-`): a share of the screen or
    /// columns. Whatever is asked, each pane keeps room to be read (see `treeColumns`).
    public enum TreeShare: Hashable, Sendable {
        case percent(Int)
        case columns(Int)

        public static let percentRange = 10...90
        /// One press of `+` or `-`.
        static let percentStep = 5
        static let columnStep = 4

        /// `steps` presses wider (or narrower, below 0), from what a screen `width` wide shows now.
        public func widened(by steps: Int, width: Int) -> TreeShare {
            switch self {
            case .percent(let share):
                // Kept to the shares that still change the screen, so that a press back after
                // many always moves the pane.
                let screen = max(1, width)
                let low = max(Self.percentRange.lowerBound, (Layout.minimumTree * 100 + screen - 1) / screen)
                let high = min(Self.percentRange.upperBound, (screen - 1 - Layout.minimumDetail) * 100 / screen)
                return .percent(min(max(share + steps * Self.percentStep, low), max(low, high)))
            case .columns:
                let now = Layout.treeColumns(self, width: width)
                return .columns(Layout.treeColumns(.columns(now + steps * Self.columnStep), width: width))
            }
        }
    }

    /// The narrowest tree pane, and the narrowest detail pane beside it.
    public static let minimumTree = 16
    public static let minimumDetail = 30

    public static let minimumWidth = 40
    public static let minimumHeight = 10
    public static let splitWidth = 80
    public static let splitHeight = 24

    public let kind: Kind
    /// Everything between the title row and the status row.
    public let body: Rect
    public let tree: Rect
    public let detail: Rect
    public let width: Int
    public let height: Int

    /// `tree` nil: the standard width, two fifths of the screen and at least 36 columns.
    public init(width: Int, height: Int, tree share: TreeShare? = nil) {
        self.width = max(0, width)
        self.height = max(0, height)
        body = Rect(x: 0, y: 1, width: width, height: height - 2)
        if width < Self.minimumWidth || height < Self.minimumHeight {
            kind = .tooSmall
            tree = body
            detail = body
        } else if width >= Self.splitWidth && height >= Self.splitHeight {
            kind = .split
            // By default the tree gets two fifths, enough for titles and their bars; the rest
            // reads notes.
            let treeWidth = share.map { Self.treeColumns($0, width: width) } ?? max(36, width * 2 / 5)
            tree = Rect(x: 0, y: 1, width: treeWidth, height: body.height)
            detail = Rect(x: treeWidth + 1, y: 1, width: width - treeWidth - 1, height: body.height)
        } else {
            kind = .single
            tree = body
            detail = body
        }
    }

    public var statusRow: Int { height - 1 }

    /// The columns `share` gives the tree on a split screen `width` wide, each pane kept readable.
    static func treeColumns(_ share: TreeShare, width: Int) -> Int {
        let asked = switch share {
        case .percent(let percent): width * percent / 100
        case .columns(let columns): columns
        }
        return min(max(asked, minimumTree), max(minimumTree, width - 1 - minimumDetail))
    }
}

extension AppState {
    /// The layout of this screen, with the tree as wide as asked.
    public var layout: Layout { Layout(width: width, height: height, tree: treeShare) }
}

/// Keeping a cursor on screen in a list whose rows may be taller than one line.
public enum Scroll {
    /// The first item to show so that `cursor` is visible, moving `scroll` as little as possible
    /// and leaving no empty space at the bottom while earlier items could fill it.
    public static func keep(cursor: Int, scroll: Int, count: Int, viewport: Int,
                            rowHeight: (Int) -> Int = { _ in 1 }) -> Int {
        guard count > 0, viewport > 0 else { return 0 }
        let cursor = min(max(0, cursor), count - 1)
        // Every row is at least one line, so the top is never more than `viewport` rows above.
        var top = max(min(max(0, scroll), cursor), cursor - viewport + 1)
        var used = 0
        for index in top...cursor { used += rowHeight(index) }
        while top < cursor && used > viewport {
            used -= rowHeight(top)
            top += 1
        }
        var below = 0
        var index = cursor + 1
        while index < count && used + below <= viewport {
            below += rowHeight(index)
            index += 1
        }
        guard index >= count else { return top }
        while top > 0 && used + below + rowHeight(top - 1) <= viewport {
            top -= 1
            used += rowHeight(top)
        }
        return top
    }
}
