/// `--color auto|always|never`: whether the dashboard uses colour. `auto` uses it unless
/// `NO_COLOR` is set to anything non-empty (no-color.org); `always` wins over `NO_COLOR`; the
/// terminal and the theme still decide which colours (a monochrome terminal has none).
public enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never

    public func useColor(environment: [String: String]) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}
