import TermGrid

/// Pieces of the screen already drawn, by what they depend on: a tree row, say, is the same
/// cells as long as its topic, width, open state and tally are. Drawing text by display width
/// costs far more than copying cells, and most keys change only a few pieces, so this is what
/// keeps a key press well under a millisecond. Keys are values that name every input of a
/// piece; nothing needs invalidating. A piece drawn from the progress names it by the state's
/// `progressGeneration`, which no other state over the same model shares; the content is the
/// model's own (each model has its caches, `DashboardCaches`), so a reload, which builds a new
/// model, starts with empty caches. The UI loop is single-threaded.
final class DrawCache<Key: Hashable>: @unchecked Sendable {
    private var pieces: [Key: Grid] = [:]
    /// Enough for every row of a large tree at a few widths; past it, start again.
    private let limit = 20_000

    init() {}

    func piece(_ key: Key, width: Int, height: Int, draw: (inout Grid) -> Void) -> Grid {
        if let cached = pieces[key], cached.width == width, cached.height == height { return cached }
        var grid = Grid(width: width, height: height)
        draw(&grid)
        if pieces.count >= limit { pieces.removeAll(keepingCapacity: true) }
        pieces[key] = grid
        return grid
    }
}
