/// Everything that can go wrong with the progress database. The description says what happened,
/// for any front end: every refusal names the file and says that it was left as it was. What to
/// do about it is the front end's to say (the command line's advice: StoreAdvice.swift).
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case notSQLite(path: String)
    case foreign(path: String)
    case newerSchema(path: String)
    case isFolder(path: String)
    case cannotCreateFolder(path: String, reason: String)
    case cannotCreateFile(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case database(path: String, reason: String)
    case targetHasEntries(id: String)
    case nothingStored(id: String)
    case badImport(path: String, reason: String)
    case annotationTooLarge(item: String, bytes: Int, limit: Int)
    case annotationHoldsNUL(item: String)
    case unreadable(path: String, reason: String)
    case unknownEventKind(path: String, row: Int64, kind: String)
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .notSQLite(let path):
            "\(path) is not a SQLite database, so it cannot hold StudyDash progress; it was left unchanged"
        case .foreign(let path):
            "\(path) is a SQLite database made by another program, not a StudyDash progress store; "
                + "it was left unchanged"
        case .newerSchema(let path):
            "\(path) was written by a newer StudyDash (its schema has migrations this version does not know); "
                + "it was left unchanged"
        case .isFolder(let path):
            "\(path) is a folder"
        case .cannotCreateFolder(let path, let reason):
            "cannot create the folder \(path) for the progress database: \(reason)"
        case .cannotCreateFile(let path, let reason):
            "cannot create the progress database \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            "cannot open the progress database \(path): \(reason)"
        case .database(let path, let reason):
            "the progress database \(path) failed: \(reason); nothing was changed"
        case .targetHasEntries(let id):
            "\(id) already has its own status or annotation"
        case .nothingStored(let id):
            "the store holds nothing for \(id)"
        case .badImport(let path, let reason):
            "cannot import \(path): \(reason); nothing was changed"
        case .readOnly(let path):
            "the progress database \(path) is read-only (the file or its folder cannot be written), so nothing "
                + "was changed"
        case .unreadable(let path, let reason):
            "the progress database \(path) holds a value StudyDash never writes (\(reason)), so it cannot be read; "
                + "it was left unchanged"
        case .unknownEventKind(let path, let row, let kind):
            "the progress database \(path) holds an event of a kind StudyDash does not know "
                + "(event.kind of row \(row) is \(Self.shown(kind))), so it cannot be read; it was left unchanged"
        case .annotationTooLarge(let item, let bytes, let limit):
            "the annotation on \(item) is \(bytes) bytes (\(Self.megabytes(bytes)) MB); an annotation holds at most "
                + "\(Self.megabytes(limit)) MB (\(limit) bytes) of UTF-8 text; nothing was changed"
        case .annotationHoldsNUL(let item):
            "the annotation on \(item) holds a NUL byte, which an annotation cannot keep (everything after it would be lost); "
                + "nothing was changed"
        }
    }

    /// A name read from the file, quoted only when it is a short plain word: anything else may be
    /// huge, or hold bytes a terminal would act on.
    private static func shown(_ name: String) -> String {
        let plain = !name.isEmpty && name.utf8.count <= 40
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        return plain ? "'\(name)'" : "a name that cannot be shown"
    }

    /// `1`, `1.2`, `200`: megabytes of 2^20 bytes with one decimal at most.
    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
