import Foundation
import TerminalKit
import Testing

@Suite("Theme loading and lookup")
struct ThemeTests {
    private func load(_ name: String, _ themes: [String: String]) throws -> ThemeLoadResult {
        try ThemeLoader(locations: [.memory(label: "themes", themes: themes)]).load(name)
    }

    @Test("Lookups fall back along the scope, then to ui.text")
    func fallback() throws {
        let result = try load(
            "t",
            [
                "t": """
                "ui.text" = { fg = "white", bg = "black" }
                "queue" = { fg = "blue" }
                "queue.waiting" = { fg = "green", modifiers = ["bold"] }
                """
            ])
        let theme = result.theme
        #expect(result.warnings.isEmpty)
        #expect(theme.definedScope(for: "queue.waiting.late") == "queue.waiting")
        #expect(
            theme.style(for: "queue.waiting.late")
                == TextStyle(foreground: .ansi(2), background: .ansi(0), modifiers: .bold))
        #expect(theme.style(for: "queue.called").foreground == .ansi(4))
        #expect(theme.style(for: "alert.allergy") == TextStyle(foreground: .ansi(7), background: .ansi(0)))
    }

    @Test("Palette names, hex colours, indices, ANSI names and a bare string as fg")
    func colours() throws {
        let theme = try load(
            "t",
            [
                "t": """
                "ui.text" = "ink"
                "a" = { fg = "#ff8000", bg = 236 }
                "b" = { fg = "light-red", bg = "default" }
                "c" = "bright-blue"

                [palette]
                ink = "#102030"
                """
            ]
        ).theme
        #expect(theme.style(for: "ui.text").foreground == .rgb(0x10, 0x20, 0x30))
        #expect(theme.style(for: "a") == TextStyle(foreground: .rgb(255, 128, 0), background: .indexed(236)))
        #expect(theme.style(for: "b") == TextStyle(foreground: .ansi(9), background: .default))
        #expect(theme.style(for: "c").foreground == .ansi(12))
    }

    @Test("A child theme re-colours inherited scopes through its palette")
    func inheritsWithPalette() throws {
        let result = try load(
            "child",
            [
                "base": """
                "ui.border" = { fg = "accent", modifiers = ["bold"] }
                "ui.title" = "accent"
                [palette]
                accent = "blue"
                """,
                "child": """
                inherits = "base"
                "ui.title" = "red"
                [palette]
                accent = "green"
                """,
            ])
        #expect(result.warnings.isEmpty)
        #expect(result.theme.style(for: "ui.border") == TextStyle(foreground: .ansi(2), modifiers: .bold))
        #expect(result.theme.style(for: "ui.title").foreground == .ansi(1))
        #expect(result.theme.name == "child")
    }

    @Test("An inherits cycle is reported and the chain stops")
    func cycle() throws {
        let result = try load(
            "a",
            [
                "a": "inherits = \"b\"\n\"x\" = \"red\"\n",
                "b": "inherits = \"a\"\n\"y\" = \"blue\"\n",
            ])
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.message.contains("a → b → a") == true)
        #expect(result.theme.style(for: "x").foreground == .ansi(1))
        #expect(result.theme.style(for: "y").foreground == .ansi(4))
    }

    @Test("A user theme may inherit a shipped theme of the same name")
    func sameNameInheritance() throws {
        let loader = ThemeLoader(locations: [
            .memory(label: "shipped", themes: ["default": "\"ui.text\" = \"white\"\n\"ui.border\" = \"blue\"\n"]),
            .memory(label: "user", themes: ["default": "inherits = \"default\"\n\"ui.border\" = \"red\"\n"]),
        ])
        let result = try loader.load("default")
        #expect(result.warnings.isEmpty)
        #expect(result.theme.style(for: "ui.border").foreground == .ansi(1))
        #expect(result.theme.style(for: "ui.text").foreground == .ansi(7))
    }

    @Test("Problems become warnings naming file, key and line")
    func warnings() throws {
        let result = try load(
            "t",
            [
                "t": """
                inherits = "nowhere"
                "ui.text" = { fg = "bleu" }
                "ui.border" = { fg = "red", modifiers = ["blink", "bold"] }
                "ui.title" = { fgg = "red", fg = "blue" }
                "ui.header" = 3.5
                "ui.hint" = { modifiers = "bold" }
                """
            ])
        let text = result.warnings.map(\.description)
        #expect(result.warnings.count == 6)
        #expect(text.contains { $0.hasPrefix("themes/t.toml:2: \"ui.text\": unknown colour \"bleu\"") })
        #expect(text.contains { $0.contains("\"ui.border\": unknown modifier \"blink\"") })
        #expect(text.contains { $0.contains("\"ui.title.fgg\": unknown style field \"fgg\"") })
        #expect(text.contains { $0.contains("\"ui.header\": expected a colour") })
        #expect(text.contains { $0.contains("\"ui.hint\": modifiers must be a list") })
        #expect(text.contains { $0.contains("inherits unknown theme \"nowhere\"") })
        #expect(result.theme.style(for: "ui.border").modifiers == .bold)
    }

    @Test("A missing or broken theme is an error that says where it looked")
    func errors() {
        #expect(throws: ThemeError.notFound(name: "x", searched: ["themes"])) { try load("x", [:]) }
        #expect(throws: ThemeError.self) { try load("bad", ["bad": "\"ui.text\" = {"]) }
    }

    @Test("Directories are searched, later ones first")
    func directories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tk-themes-\(UUID().uuidString)")
        let shipped = root.appendingPathComponent("shipped")
        let user = root.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: shipped, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "\"ui.text\" = \"white\"\n".write(
            to: shipped.appendingPathComponent("plain.toml"), atomically: true, encoding: .utf8)
        try "inherits = \"plain\"\n\"ui.border\" = \"red\"\n".write(
            to: user.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(directories: [shipped, user])
        #expect(loader.themeNames() == ["mine", "plain"])
        let theme = try loader.load("mine").theme
        #expect(theme.style(for: "ui.border").foreground == .ansi(1))
        #expect(theme.style(for: "ui.text").foreground == .ansi(7))
    }
}

@Suite("Colour degradation")
struct ColorModeTests {
    @Test(
        "24-bit colours map to the nearest 256-palette entry and the nearest ANSI colour",
        arguments: [
            (Color.rgb(255, 0, 0), ColorMode.palette256, Color.indexed(196)),
            (.rgb(0x1b, 0x1f, 0x27), .palette256, .indexed(234)),
            (.rgb(0x87, 0xaf, 0xd7), .palette256, .indexed(110)),
            (.rgb(255, 0, 0), .ansi16, .ansi(9)),
            (.rgb(0x1b, 0x1f, 0x27), .ansi16, .ansi(0)),
            (.rgb(250, 250, 250), .ansi16, .ansi(15)),
            (.indexed(196), .ansi16, .ansi(9)),
            (.ansi(4), .palette256, .ansi(4)),
            (.rgb(1, 2, 3), .trueColor, .rgb(1, 2, 3)),
            (.rgb(1, 2, 3), .monochrome, .default),
            (.ansi(3), .monochrome, .default),
        ])
    func degrade(colour: Color, mode: ColorMode, expected: Color) {
        #expect(colour.degraded(to: mode) == expected)
    }

    @Test(
        "NO_COLOR and dumb or vt terminals mean monochrome; otherwise the colour count decides",
        arguments: [
            (["NO_COLOR": "1", "TERM": "xterm-256color"], 256, ColorMode.monochrome),
            (["NO_COLOR": "", "TERM": "xterm-256color"], 256, .palette256),
            (["TERM": "dumb"], 256, .monochrome),
            (["TERM": "vt100"], 8, .monochrome),
            (["TERM": "tmux-256color"], 256, .palette256),
            (["TERM": "xterm"], 8, .ansi16),
            (["TERM": "xterm-direct"], 16_777_216, .trueColor),
            (["TERM": "linux"], 0, .monochrome),
        ])
    func detect(environment: [String: String], colours: Int, expected: ColorMode) {
        #expect(ColorMode.detect(environment: environment, colorCount: colours) == expected)
    }

    @Test("Monochrome keeps only modifiers and adds emphasis to scopes that carry meaning")
    func monochrome() {
        let theme = Theme(
            name: "t",
            styles: [
                .text: ScopeStyle(foreground: .ansi(7), background: .ansi(0)),
                "alert.allergy": ScopeStyle(foreground: .ansi(1)),
                "queue.waiting.late": ScopeStyle(foreground: .ansi(3), modifiers: .italic),
            ])
        #expect(theme.style(for: "alert.allergy", mode: .monochrome) == TextStyle(modifiers: [.bold, .reversed]))
        #expect(theme.style(for: "queue.waiting.late", mode: .monochrome).modifiers == [.italic, .bold, .underlined])
        #expect(theme.style(for: "rx.item", mode: .monochrome) == TextStyle())
        #expect(theme.style(for: "schedule.selected", mode: .monochrome).modifiers == .reversed)
    }
}
