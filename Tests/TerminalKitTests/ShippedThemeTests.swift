import Foundation
import TerminalKit
import Testing

/// Every shipped theme file is loaded and checked.
@Suite("Shipped themes")
struct ShippedThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")
    static let names = ["default", "light", "high-contrast", "mono", "ansi16"]

    static let requiredScopes: [Scope] = [
        "ui.text", "ui.text.dim", "ui.border", "ui.border.focus", "ui.title", "ui.title.focus", "ui.selection",
        "ui.selection.unfocused", "ui.header", "ui.statusline", "ui.statusline.mode", "ui.tab", "ui.tab.active",
        "ui.help", "ui.help.key", "ui.menu", "ui.menu.key", "ui.dialog", "ui.dialog.title", "ui.field",
        "ui.field.focus", "ui.field.label", "ui.error", "ui.hint", "schedule.time", "schedule.booked",
        "schedule.confirmed", "schedule.checked-in", "schedule.in-consultation", "schedule.completed",
        "schedule.cancelled", "schedule.no-show", "queue.waiting", "queue.waiting.late", "queue.called",
        "queue.priority.urgent", "lookup.match", "alert.allergy", "alert.allergy.severe", "alert.unknown", "rx.item",
        "sync.online", "sync.offline", "sync.conflict", "sync.pending",
    ]

    /// Groups of scopes whose members must look different from each other even without colour.
    static let mustDiffer: [[Scope]] = [
        ["ui.text", "alert.allergy", "alert.allergy.severe", "alert.unknown"],
        ["ui.text", "ui.selection", "ui.selection.unfocused"],
        ["ui.border", "ui.border.focus"],
        ["queue.waiting", "queue.waiting.late", "queue.priority.urgent"],
        ["sync.online", "sync.offline", "sync.conflict"],
        ["ui.tab", "ui.tab.active"],
        ["ui.field", "ui.field.focus"],
    ]

    private func load(_ name: String) throws -> ThemeLoadResult {
        try ThemeLoader(directories: [Self.themesDirectory]).load(name)
    }

    @Test("Loads without warnings", arguments: names)
    func loadsCleanly(name: String) throws {
        let result = try load(name)
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description))")
    }

    @Test("The default theme defines every scope the app uses")
    func defaultDefinesAll() throws {
        let theme = try load("default").theme
        let missing = Self.requiredScopes.filter { theme.styles[$0] == nil }
        #expect(missing.isEmpty, "missing: \(missing)")
    }

    @Test("Every theme resolves every scope to itself or a defined parent", arguments: names)
    func resolvesAll(name: String) throws {
        let theme = try load(name).theme
        for scope in Self.requiredScopes {
            #expect(theme.definedScope(for: scope) != nil, "\(name): \(scope) falls through to nothing")
        }
    }

    @Test("Meaningful scopes stay distinguishable in monochrome", arguments: names)
    func monochromeDistinct(name: String) throws {
        let theme = try load(name).theme
        for group in Self.mustDiffer {
            let styles = group.map { theme.style(for: $0, mode: .monochrome) }
            #expect(Set(styles).count == group.count, "\(name): \(group) look alike without colour")
        }
    }

    @Test("The 16-colour theme uses only ANSI colours and the terminal default")
    func ansiOnly() throws {
        let theme = try load("ansi16").theme
        for (scope, style) in theme.styles {
            for colour in [style.foreground, style.background].compactMap({ $0 }) {
                switch colour {
                case .ansi, .default: continue
                default: Issue.record("\(scope) uses \(colour)")
                }
            }
        }
    }

    @Test("The mono theme has no colours at all")
    func monoHasNoColour() throws {
        let theme = try load("mono").theme
        for scope in Self.requiredScopes {
            let style = theme.style(for: scope)
            #expect(style.foreground == .default && style.background == .default, "\(scope)")
        }
    }

    @Test("Meaningful scopes differ from plain text in every colour mode", arguments: names)
    func meaningfulVisible(name: String) throws {
        let theme = try load(name).theme
        for mode in ColorMode.allCases {
            let plain = theme.style(for: .text, mode: mode)
            for scope: Scope in [
                "alert.allergy", "alert.allergy.severe", "queue.waiting.late", "sync.offline",
                "sync.conflict", "ui.selection", "ui.border.focus",
            ] {
                #expect(theme.style(for: scope, mode: mode) != plain, "\(name) \(mode): \(scope)")
            }
        }
    }
}
