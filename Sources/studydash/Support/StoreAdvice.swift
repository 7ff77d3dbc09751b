import StudyStore

/// What to do about a store error, in the command line's words (its options and commands). The
/// store's own message says only what happened, because the dashboard shows it too.
extension StoreError {
    /// nil where what happened says enough.
    var commandLineAdvice: String? {
        switch self {
        case .notSQLite: "Pass --db with another file, or move this one away."
        case .foreign: "Pass --db with another file."
        case .newerSchema: "Upgrade StudyDash to use it."
        case .isFolder(let path): "--db needs a file path such as \(path)/progress.sqlite"
        case .targetHasEntries(let id):
            "clear them first (`studydash mark \(id) todo`, `studydash note \(id) --clear`) or relink onto another item"
        case .nothingStored: "`studydash status --orphans` lists the entries that can be relinked"
        case .readOnly: "make it writable, or pass --db with another file"
        case .unreadable, .unknownEventKind: "Restore it from a backup or an export"
        case .cannotCreateFolder, .cannotCreateFile, .cannotOpen, .database, .badImport, .annotationTooLarge, .annotationHoldsNUL: nil
        }
    }

    /// What a command prints: what happened, then what to do. Advice that is a sentence of its
    /// own (it starts with a capital) follows a full stop; a clause follows a semicolon.
    var commandLineMessage: String {
        guard let advice = commandLineAdvice else { return description }
        return description + (advice.first?.isUppercase == true ? ". " : "; ") + advice
    }
}
