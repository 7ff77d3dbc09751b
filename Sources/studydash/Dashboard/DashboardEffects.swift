import StudyApp
import StudyCore
import StudyTUI

/// Carries out what the reducer asks for, each through the shared action or port it names,
/// and hands back what came of it as a message for the reducer. No decision is taken here: the
/// words and the next step are the reducer's.
struct DashboardEffects {
    let session: StudySession
    let ports: Ports

    func perform(_ effect: Effect) -> Message? {
        do {
            switch effect {
            case .setStatus(let status, let ids, let label):
                return .marked(try session.mark(status, resourceIDs: ids), label: label)
            case .saveAnnotation(let id, let text):
                return .annotated(try session.annotate(text, itemID: id))
            case .undo:
                return .undone(try session.undo())
            case .revisit(let id):
                return .revisited(try session.revisit(topicID: id))
            case .openLink(let url):
                return ports.openLink(url).map(Message.failed)
            case .copy(let text):
                return ports.copy(text).map(Message.failed)
            case .editInEditor(let id, let title, let text):
                let edited = try ports.editText(text, "annotation")
                return .edited(itemID: id, title: title, original: text, edited: edited)
            case .loadActivity:
                return .activityLoaded(try session.activity())
            case .readActivityAhead:
                // Nobody asked yet: a failure says nothing here, `D` reads again and tells it.
                return (try? session.activity()).map(Message.activityLoaded)
            case .readToday:
                return .today(session.today())
            case .quit:
                return nil
            }
        } catch {
            return .failed(String(describing: error))
        }
    }
}
