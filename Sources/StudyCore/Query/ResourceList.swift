/// Resources kept as their numbers in an `ItemIndex` and read from the tree when asked: what a
/// topic's list shows. A top topic of a big folder lists a hundred thousand, and a copy of each
/// resource kept for it was megabytes; a number is four bytes.
public struct ResourceList: RandomAccessCollection, Sendable {
    private let numbers: [Int32]
    private let index: ItemIndex?

    /// The resources with these numbers that the tree holds, in this order.
    public init(numbers: [Int], in index: ItemIndex) {
        self.numbers = numbers.compactMap { number in index.withResource(number: number) { _ in Int32(number) } }
        self.index = index
    }

    /// No resources.
    public init() {
        numbers = []
        index = nil
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { numbers.count }

    public subscript(position: Int) -> Resource {
        // Every number kept was checked to have a resource when the list was made, so the
        // stand-in is never returned.
        index?.withResource(number: Int(numbers[position])) { $0 } ?? Self.missing
    }

    private static let missing = Resource(id: "", title: "", url: nil, description: "",
                                          source: SourceLocation(file: "", line: 0), checkbox: nil)
}
