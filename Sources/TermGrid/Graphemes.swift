#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The numbers cells keep for their graphemes (`Cell.glyph`). A grapheme of one scalar is that
/// scalar's value, with nothing to look up. A grapheme of several scalars is numbered the first
/// time a cell holds it, by its exact bytes, and keeps its number for the life of the process,
/// so that equal numbers mean equal bytes in every grid. Such graphemes are rare (combining
/// marks, emoji sequences) and the table holds each once, so it stays small. Grids are drawn
/// from any thread (tests draw in parallel): the table is behind a lock.
enum Graphemes {
    /// Numbers from here on name a grapheme of several scalars; below are scalar values
    /// (at most 0x10FFFF).
    @usableFromInline static let numbered: UInt32 = 0x8000_0000

    static func glyph(of character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return first.value
        }
        return table.number(of: character)
    }

    static func character(of glyph: UInt32) -> Character {
        if glyph < numbered, let scalar = Unicode.Scalar(glyph) { return Character(scalar) }
        return table.character(numbered: glyph - numbered) ?? " "
    }

    private static let table = Table()

    /// The graphemes numbered so far, both ways.
    private final class Table: @unchecked Sendable {
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        /// Keyed by the bytes themselves: a String key would match canonically equivalent text.
        private var numbers: [[UInt8]: UInt32] = [:]
        private var characters: [Character] = []

        init() { pthread_mutex_init(mutex, nil) }

        func number(of character: Character) -> UInt32 {
            let key = Array(character.utf8)
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            if let number = numbers[key] { return numbered + number }
            let number = UInt32(characters.count)
            characters.append(character)
            numbers[key] = number
            return numbered + number
        }

        func character(numbered number: UInt32) -> Character? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return characters.indices.contains(Int(number)) ? characters[Int(number)] : nil
        }
    }
}
