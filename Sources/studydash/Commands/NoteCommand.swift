import ArgumentParser
import Foundation
import StudyApp
import StudyCore
import StudyStore
import StudyText

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Read, write or clear your annotation (your own text) on a resource or a topic.",
        discussion: """
            studydash note ITEM            prints the annotation
            studydash note ITEM "TEXT"     replaces it with TEXT (use "-" to read it from standard input)
            studydash note ITEM --edit     opens it in $VISUAL, else $EDITOR, else vi
            studydash note ITEM --clear    deletes it

            An annotation is the learner's own text on an item, kept in the progress store; the notes \
            themselves (a topic's prose) are never changed. ITEM is an ID, a unique ID prefix, a URL or a \
            title, as for `mark`. Each change is one step for `studydash undo`.
            """)

    @Argument(help: ArgumentHelp("The resource or topic.", valueName: "item"), completion: ItemCompletion.items)
    var item: String

    @Argument(help: ArgumentHelp("The annotation's new text; \"-\" reads standard input.", valueName: "text"))
    var text: String?

    @Flag(help: "Edit the annotation in $VISUAL / $EDITOR (else vi).")
    var edit = false

    @Flag(help: "Delete the annotation.")
    var clear = false

    @OptionGroup var content: ContentOptions
    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if [text != nil, edit, clear].filter({ $0 }).count > 1 {
            throw ValidationError("give only one of TEXT, --edit and --clear")
        }
    }

    func run() throws {
        try reportingErrors {
            let session = try StudySession(content: content, store: store)
            let found = try session.resolve(item)
            let current = try storeCall { try session.store.progress(of: [found.id]) }.annotation(of: found.id)
            let writes = clear || edit || text != nil
            // Said before anything is typed or read: an editor opened on a store that cannot take
            // the annotation would only lose it.
            if writes && session.store.isReadOnly {
                throw CLIError(StoreError.readOnly(path: session.store.path).commandLineMessage)
            }
            let newText: String?
            if clear {
                newText = nil
            } else if edit {
                do {
                    newText = try ExternalEditor.edit(current?.text ?? "", name: found.id)
                } catch {
                    throw CLIError(String(describing: error))
                }
            } else if let text {
                newText = text == "-" ? try Self.readStandardInput() : text
            } else {
                Output.write(json ? report(found, current) : Array(display(found, current).utf8))
                return
            }
            let outcome: AnnotationOutcome
            do throws(ActionError) {
                outcome = try session.annotate(newText, itemID: found.id)
            } catch {
                // A refused edit (too large, say) is not thrown away: what was typed is kept.
                if edit, let newText, let kept = Self.keep(newText, name: found.id) {
                    throw CLIError("\(CLIError(error).description); your text is kept in \(kept)")
                }
                throw CLIError(error)
            }
            let after = outcome.fresh.annotation(of: found.id)
            if json {
                Output.write(report(found, after, changed: outcome.changed))
            } else if !outcome.changed {
                Output.write("The annotation on \(Output.safe(found.title)) is unchanged.\n")
            } else if outcome.deleted {
                Output.write("Deleted the annotation on \(Output.safe(found.title)).\n")
            } else {
                Output.write("Saved the annotation on \(Output.safe(found.title)).\n")
            }
        }
    }

    /// Writes `text` to a new private file (0600) in the temporary folder; nil when that fails.
    private static func keep(_ text: String, name: String) -> String? {
        try? FileBytes.temporary(named: "annotation-\(name)", holding: text).get()
    }

    private func display(_ item: ItemLookup.Item, _ annotation: Annotation?) -> String {
        guard let text = annotation?.text else {
            return "No annotation on \(Output.safe(item.title)) yet; add one with `studydash note \(item.id) \"TEXT\"`.\n"
        }
        return TerminalSafe.escape(text, keepNewlines: true) + "\n"
    }

    private func report(_ item: ItemLookup.Item, _ annotation: Annotation?, changed: Bool? = nil) -> [UInt8] {
        var writer = JSONWriter(pretty: Output.isTerminal)
        writer.beginObject()
        writer.value("schema", "studydash.note/1")
        writer.value("id", item.id)
        writer.value("title", item.title)
        writer.value("text", annotation?.text)
        writer.value("createdAt", annotation.map { $0.createdAt.description })
        writer.value("updatedAt", annotation.map { $0.updatedAt.description })
        if let changed { writer.value("changed", changed) }
        writer.endObject()
        return writer.bytes
    }

    /// The annotation typed or piped in. Trailing blank lines are trimmed later, so a little more than
    /// the limit may still fit; far more is refused before it is all read.
    static func readStandardInput() throws -> String {
        let ceiling = 4 * Annotation.maximumBytes
        guard let data = StandardInput.read(atMost: ceiling) else {
            throw CLIError("standard input holds more than \(ceiling / 1_048_576) MB; an annotation holds at most 1 MB; nothing was changed")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
