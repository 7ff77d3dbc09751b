/// A small seeded generator for the tests that try many random cases, so that a failure repeats
/// (SplitMix64; plain Swift Testing: a property-testing package was not worth its build time).
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<count`.
    public mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    public mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}
