import Testing
import TermGrid

/// `[theme]` colours: how they are written, how a 24-bit colour comes down to 256 and to 16 where
/// the terminal has no more, the bundled themes, and the errors naming the setting and its place.
@Suite struct ThemeColorTests {
    let sixteen = ColorDepth(colors: 16), eight = ColorDepth(colors: 8), many = ColorDepth(colors: 256)
    let direct = ColorDepth(colors: 1 << 24, truecolor: true)

    @Test func coloursReadAsNamesNumbersAndHex() {
        #expect(TerminalColor("red") == .basic(1))
        #expect(TerminalColor("bright-blue") == .basic(12))
        #expect(TerminalColor("Grey") == .basic(8))
        #expect(TerminalColor("7") == .basic(7))
        #expect(TerminalColor("180") == .indexed(180))
        #expect(TerminalColor("#ff8800") == .rgb(red: 255, green: 136, blue: 0))
        for bad in ["bleu", "256", "-1", "#ff880", "#gg8800", "bright-", "", "0x10", "+5"] {
            #expect(TerminalColor(bad) == nil, "\(bad)")
        }
    }

    @Test func twentyFourBitColourIsSentOnlyWhereTheTerminalTakesIt() {
        let orange = TerminalColor.rgb(red: 255, green: 136, blue: 0)
        #expect(orange.number(for: direct) == 0xFF8800)
        #expect(orange.number(for: many) == 208)  // #ff8700
        #expect(orange.number(for: sixteen) == 3)  // yellow, nearer than red or bright yellow
        #expect(orange.number(for: eight) == 3)
        // Near black would be a basic colour on a direct-colour terminal: kept past 7.
        #expect(TerminalColor.rgb(red: 0, green: 0, blue: 1).number(for: direct) == 8)
    }

    @Test func theNearest256IsTheCubeOrTheGreyRamp() {
        #expect(ColorMapping.nearest256(red: 0, green: 0, blue: 0) == 16)
        #expect(ColorMapping.nearest256(red: 255, green: 255, blue: 255) == 231)
        #expect(ColorMapping.nearest256(red: 215, green: 175, blue: 135) == 180)
        #expect(ColorMapping.nearest256(red: 128, green: 128, blue: 128) == 244)  // grey 128
        #expect(ColorMapping.nearest256(red: 18, green: 18, blue: 20) == 233)
        // Every index of the cube and the ramp maps back to itself.
        for index in 16...255 {
            let (red, green, blue) = ColorMapping.rgb(ofIndex: index)
            #expect(ColorMapping.nearest256(red: red, green: green, blue: blue) == index, "\(index)")
        }
    }

    @Test func a256ColourComesDownToTheNearestBasicOne() {
        #expect(TerminalColor.indexed(196).number(for: sixteen) == 9)  // #ff0000: bright red
        #expect(TerminalColor.indexed(28).number(for: sixteen) == 2)  // a dark green
        #expect(TerminalColor.indexed(196).number(for: eight) == 1)
        #expect(TerminalColor.indexed(180).number(for: many) == 180)
        // Basic colours stay themselves; the bright ones fold onto the 8.
        #expect(TerminalColor.basic(12).number(for: sixteen) == 12)
        #expect(TerminalColor.basic(12).number(for: eight) == 4)
        // A direct-colour terminal takes 24-bit values past 7: a 256 colour goes as its RGB.
        #expect(TerminalColor.indexed(180).number(for: direct) == 0xD7AF87)
        #expect(TerminalColor.basic(3).number(for: direct) == 3)
    }

    @Test func theDepthIsWhatTheTerminalSays() {
        #expect(ColorDepth.detect(terminfoColors: 8, colorTerm: nil) == eight)
        #expect(ColorDepth.detect(terminfoColors: 256, colorTerm: nil) == many)
        // COLORTERM alone cannot make ncurses send 24-bit colour through a 256-colour terminfo.
        #expect(ColorDepth.detect(terminfoColors: 256, colorTerm: "truecolor") == many)
        #expect(ColorDepth.detect(terminfoColors: 1 << 24, colorTerm: "24bit") == direct)
        #expect(ColorDepth.detect(terminfoColors: 1 << 24, colorTerm: nil) == eight)
        #expect(ColorDepth.detect(terminfoColors: 0, colorTerm: "truecolor").colors == 0)
    }

    // MARK: Themes

    @Test func theBundledThemesLoadByName() throws {
        #expect(try Theme.make(name: nil, namePlace: nil, roles: []) == .standard)
        for name in ["default", "light", "mono"] {
            #expect(try Theme.make(name: name, namePlace: "c:1:1", roles: []).name == name)
        }
        #expect(Theme.mono.isMonochrome && !Theme.standard.isMonochrome && !Theme.light.isMonochrome)
        // Every role of the default and light themes has a colour: none falls back to plain. Muted
        // text, the selection and the bars keep today's look (dim, reverse, done) until a theme names them.
        let untilNamed: [CellStyle.Role] = [.muted, .selection, .bar]
        for theme in [Theme.standard, .light] {
            for role in CellStyle.Role.allCases where role != .plain {
                #expect((theme.roles[role] == nil) == untilNamed.contains(role), "\(theme.name): \(role)")
            }
        }
    }

    @Test func rolesOverrideTheChosenTheme() throws {
        let theme = try Theme.make(name: "light", namePlace: "c:1:1",
                                   roles: [("done", "#00af00", "c:2:1"), ("match", "black on bright-yellow", "c:3:1"),
                                           ("link", "default", "c:4:1")])
        #expect(theme.roles[.done] == Theme.Colors(.rgb(red: 0, green: 175, blue: 0)))
        #expect(theme.roles[.match] == Theme.Colors(.basic(0), on: .basic(11)))
        #expect(theme.roles[.link] == Theme.Colors(nil))
        #expect(theme.roles[.accent] == Theme.light.roles[.accent])
        // A user's colour replaces the bundled fallback too.
        #expect(theme.roles[.done]?.foreground(for: sixteen) == .rgb(red: 0, green: 175, blue: 0))
        #expect(Theme.standard.roles[.code]?.foreground(for: sixteen) == .basic(3))
        #expect(Theme.standard.roles[.code]?.foreground(for: many) == .indexed(180))
    }

    @Test func mutedSelectionAndBarAreRolesTheThemeNames() throws {
        let theme = try Theme.make(name: nil, namePlace: nil,
                                   roles: [("muted", "grey", "c:2:1"), ("selection", "black on cyan", "c:3:1"), ("bar", "blue", "c:4:1")])
        #expect(theme.roles[.muted] == Theme.Colors(.basic(8)))
        #expect(theme.roles[.selection] == Theme.Colors(.basic(0), on: .basic(6)))
        #expect(theme.colors(of: .bar) == Theme.Colors(.basic(4)))
        // Without their own entry the bars keep the done colour; muted text stays dim.
        #expect(Theme.standard.colors(of: .bar) == Theme.standard.roles[.done])
        #expect(Theme.light.colors(of: .bar) == Theme.light.roles[.done])
        #expect(Theme.standard.colors(of: .muted) == nil && CellStyle.muted.monochrome == .dim)
    }

    @Test func aSelectionEntryReplacesTheReverseOfTheCursorRow() throws {
        let cursor = CellStyle([.reverse, .bold], role: .done)
        // Default: reverse video, as without colour.
        #expect(Theme.standard.selecting(cursor) == nil)
        let theme = try Theme.make(name: nil, namePlace: nil, roles: [("selection", "black on cyan", "c:3:1")])
        #expect(theme.selecting(cursor) == .bold)
        #expect(theme.selecting(CellStyle(.bold, role: .done)) == nil)
    }

    func error(name: String? = nil, _ roles: [(String, String, String)] = []) -> String? {
        do {
            _ = try Theme.make(name: name, namePlace: "config.toml:7:8", roles: roles.map { (role: $0.0, value: $0.1, place: $0.2) })
            return nil
        } catch {
            return error.description
        }
    }

    @Test func everyMistakeIsOneLineNamingItAndItsPlace() {
        #expect(error(name: "dark") == "config.toml:7:8: unknown theme 'dark' in [theme] (themes: default, light, mono)")
        #expect(error([("dun", "red", "config.toml:9:1")])
                == "config.toml:9:1: unknown role 'dun' in [theme] (roles: accent, done, learning, skipped, warning, link, code, heading, match, highlight, tag, code_block, code_keyword, code_literal, code_comment, muted, selection, bar)")
        #expect(error([("done", "bleu", "config.toml:9:8")])
                == "config.toml:9:8: cannot read colour 'bleu' for done in [theme] (a name as red or bright-blue, 0–255, #rrggbb, or FG on BG)")
        #expect(error([("match", "black over yellow", "config.toml:10:9")])?.hasPrefix("config.toml:10:9: cannot read colour 'black over yellow'") == true)
        #expect(error([("match", "black on", "config.toml:10:9")]) != nil)
    }
}
