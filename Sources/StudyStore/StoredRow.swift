import GRDB
import StudyCore

/// Reads the values of one row without trusting them. SQLite keeps any type in any column and the
/// file may have been written by another program (or a merge of one), so each value is checked
/// for the type StudyDash writes there; a surprise is an `UnreadableValue` naming the table and
/// column, never a trap (GRDB's non-optional subscripts crash on NULL or on a wrong type).
struct StoredRow {
    let row: Row
    let table: String

    init(_ row: Row, from table: String) {
        self.row = row
        self.table = table
    }

    func integer(_ column: String) throws(UnreadableValue) -> Int64 {
        let value = databaseValue(column)
        guard case .int64(let number) = value.storage else { throw unreadable(column, value, expected: "a whole number") }
        return number
    }

    func text(_ column: String) throws(UnreadableValue) -> String {
        guard let text = try optionalText(column) else { throw unreadable(column, .null, expected: "text") }
        return text
    }

    func optionalText(_ column: String) throws(UnreadableValue) -> String? {
        let value = databaseValue(column)
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
        default: throw unreadable(column, value, expected: "text or NULL")
        }
    }

    /// Milliseconds since 1970, within the years 0000–9999 that an export can write and read back.
    func time(_ column: String) throws(UnreadableValue) -> Timestamp {
        let milliseconds = try integer(column)
        guard Self.timeRange.contains(milliseconds) else {
            throw UnreadableValue(table: table, column: column, found: "\(milliseconds)",
                                  expected: "a time between the years 0000 and 9999")
        }
        return Timestamp(milliseconds: milliseconds)
    }

    /// A text column that holds one of the names of `Value`.
    func name<Value: RawRepresentable<String>>(_ column: String, as type: Value.Type) throws(UnreadableValue) -> Value {
        let name = try text(column)
        guard let value = Value(rawValue: name) else {
            throw UnreadableValue(table: table, column: column, found: "an unknown name", expected: "a name StudyDash writes")
        }
        return value
    }

    /// -62167219200000 is 0000-01-01T00:00:00Z, 253402300799999 the last millisecond of 9999.
    static let timeRange: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999

    private func databaseValue(_ column: String) -> DatabaseValue {
        (row[column] as DatabaseValue?) ?? .null
    }

    private func unreadable(_ column: String, _ value: DatabaseValue, expected: String) -> UnreadableValue {
        let found = switch value.storage {
        case .null: "NULL"
        case .int64: "a whole number"
        case .double: "a fraction"
        case .string: "text"
        case .blob: "binary data"
        }
        return UnreadableValue(table: table, column: column, found: found, expected: expected)
    }
}

/// A value in the database that StudyDash did not write. The content itself is never quoted: it
/// may be huge, or hold bytes a terminal would act on.
struct UnreadableValue: Error, CustomStringConvertible {
    let table: String
    let column: String
    let found: String
    let expected: String

    var description: String { "\(table).\(column) is \(found), not \(expected)" }
}

/// An event whose kind this build does not know, named by its rowid.
struct UnknownEventKind: Error {
    let row: Int64
    let kind: String
}
