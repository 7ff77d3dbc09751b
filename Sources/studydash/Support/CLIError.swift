import ArgumentParser
import StudyApp
import StudyStore

/// An error the user can act on: printed as one line, `studydash: <message>`, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension ParsableCommand {
    /// Runs `body`, printing a `CLIError` as one line on standard error instead of a trace (a
    /// `ConfigError` too, with exit status 2).
    func reportingErrors(_ body: () throws -> Void) throws {
        try studydash.reportingErrors(body)
    }
}

/// The same for code that is no parsed command (the dashboard's everyday start, DashboardRequest).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        Output.error(error.description)
        throw ExitCode(1)
    } catch let error as ConfigError {
        Output.error(error.description)
        throw ExitCode(2)
    }
}

/// Runs a store call or a shared action, turning its error into a one-line CLI error.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw CLIError(error.commandLineMessage)
    } catch let error as ActionError {
        throw CLIError(error)
    }
}

extension CLIError {
    /// An action's error in the command line's words: `relink` names its arguments OLD and NEW.
    init(_ error: ActionError) {
        switch error {
        case .sameItem(let id): self.init("OLD and NEW are the same item (\(id))")
        case .store(let store): self.init(store.commandLineMessage)
        case .notInNotes, .revisitRefused: self.init(error.description)
        }
    }
}
