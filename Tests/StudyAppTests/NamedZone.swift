import Foundation
import StudyApp

/// Zones with known rules for the tests: the tz database's, as Foundation reads it. The program
/// itself asks libc (`LocalZone.system`); these let a test name the zone it needs.
extension LocalZone {
    static func named(_ identifier: String) -> LocalZone? {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        return LocalZone { second in zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))) }
    }
}
