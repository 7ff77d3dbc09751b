import ArgumentParser

/// An error the user can act on: printed as one line, `studydash: <message>`, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension ParsableCommand {
    /// Runs `body`, printing a `CLIError` as one line on standard error instead of a trace.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            Output.error(error.description)
            throw ExitCode(1)
        }
    }
}
