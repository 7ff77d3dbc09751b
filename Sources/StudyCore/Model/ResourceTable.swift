/// The resources of a `ContentTree`, each once, by ID: the values in one array, and one table
/// from ID to position in it.
///
/// A dictionary of `Resource` values kept an empty slot's worth of every field for each of its
/// spare buckets (18 MB on a 90,000-link folder), and every index over it numbered the
/// resources again by hashing their IDs. Here a resource's position is its number: the loader
/// appends them in the order the tree first lists them (curriculum order), which is the
/// numbering `ItemIndex` uses, so the index takes it as it is.
public struct ResourceTable: Sendable {
    /// In the order they were added: for a loaded tree, the order the tree first lists them.
    public private(set) var values: [Resource] = []
    private var positions: [String: Int32] = [:]

    public init() {}

    /// The resources of a dictionary, in the order of their IDs (a dictionary has no order of
    /// its own, and a table's should not change from one run to the next).
    public init(_ resources: [String: Resource]) {
        reserveCapacity(resources.count)
        for id in resources.keys.sorted() {
            if let resource = resources[id] { _ = position(of: id, orAppend: { resource }) }
        }
    }

    public mutating func reserveCapacity(_ count: Int) {
        values.reserveCapacity(count)
        positions.reserveCapacity(count)
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// The IDs the resources are kept by, in the table's order.
    public var keys: [String] { positions.sorted { $0.value < $1.value }.map(\.key) }

    /// Setting replaces the resource in its place, appends a new one, or (nil) removes one,
    /// as a dictionary would; the loader only appends.
    public subscript(id: String) -> Resource? {
        get { positions[id].map { values[Int($0)] } }
        set {
            switch (positions[id], newValue) {
            case let (position?, resource?): values[Int(position)] = resource
            case let (nil, resource?): _ = self.position(of: id, orAppend: { resource })
            case let (position?, nil):
                values.remove(at: Int(position))
                positions[id] = nil
                for (other, at) in positions where at > position { positions[other] = at - 1 }
            case (nil, nil): break
            }
        }
    }

    /// Where the resource with this ID is in `values`.
    public func position(of id: String) -> Int? { positions[id].map(Int.init) }

    /// The position of `id`, and whether it is new: a new ID is appended, as `make` gives it
    /// (whose own ID should be `id`). One probe of the table either way.
    public mutating func position(of id: String, orAppend make: () -> Resource) -> (position: Int, isNew: Bool) {
        let next = Int32(values.count)
        let found = Self.take(&positions[id, default: -1], orNew: next)
        guard found == next else { return (Int(found), false) }
        values.append(make())
        return (Int(next), true)
    }

    /// Changes the resource at `position` in place; its ID must stay what it is.
    public mutating func update(at position: Int, _ change: (inout Resource) -> Void) {
        change(&values[position])
    }

    /// The same resources as a dictionary (to build a changed tree from, say).
    public func mapValues(_ transform: (Resource) throws -> Resource) rethrows -> [String: Resource] {
        var result: [String: Resource] = [:]
        result.reserveCapacity(values.count)
        for resource in values { result[resource.id] = try transform(resource) }
        return result
    }

    /// The number in `slot`, or `new` put there when it held none (-1).
    private static func take(_ slot: inout Int32, orNew new: Int32) -> Int32 {
        if slot < 0 { slot = new }
        return slot
    }
}

/// Two tables are equal when they hold the same resources by ID, whatever their order (as two
/// dictionaries would be).
extension ResourceTable: Equatable {
    public static func == (lhs: ResourceTable, rhs: ResourceTable) -> Bool {
        lhs.count == rhs.count && lhs.values.allSatisfy { rhs[$0.id] == $0 }
    }
}
