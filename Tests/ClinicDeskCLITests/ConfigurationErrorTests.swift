import Foundation
import Testing

/// A bad theme, keymap or configuration file stops the program with one line naming the file,
/// the line and the key — before the screen is taken.
@Suite("Configuration errors", .serialized)
struct ConfigurationErrorTests {
    func clinic() throws -> (CommandRunner, String) {
        let runner = try CommandRunner()
        let db = runner.path("c.sqlite")
        try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        return (runner, db)
    }

    func write(_ text: String, to relative: String, in runner: CommandRunner) throws {
        let url = URL(fileURLWithPath: runner.path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func anUnknownThemeOrKeymapNameIsOneLine() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        let theme = try runner.run(["open", "--db", db, "--theme", "sunset"])
        #expect(theme.status != 0)
        #expect(theme.error.hasPrefix("Error: theme \"sunset\" not found"))
        #expect(theme.error.contains("available: ansi16, default, high-contrast, light, mono"))
        #expect(theme.error.split(separator: "\n").count == 1)
        let keymap = try runner.run(["open", "--db", db, "--keymap", "emacs"])
        #expect(keymap.error == "Error: keymap \"emacs\" not found — available: classic, default, vim\n")
    }

    @Test func malformedConfigurationNamesFileLineAndKey() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        let config = runner.path("config/clinicdesk/config.toml")
        try write("theme = \"light\"\nkeymap = vim\n", to: "config/clinicdesk/config.toml", in: runner)
        let syntax = try runner.run(["open", "--db", db])
        #expect(syntax.status != 0)
        #expect(syntax.error.hasPrefix("Error: \(config):2: not valid TOML"))
        try write("theme = \"light\"\n\ncolour = \"blue\"\n", to: "config/clinicdesk/config.toml", in: runner)
        let unknown = try runner.run(["open", "--db", db])
        let settings = "theme, keymap, database, date_order, late_after_minutes, lock_after_failures, lock_minutes, idle_lock_minutes, board_names, paper, printer, currency, backup_passphrase_file"
        #expect(unknown.error == "Error: \(config):3: colour: unknown setting; use one of \(settings)\n")
        try write("date_order = \"ymd\"\n", to: "config/clinicdesk/config.toml", in: runner)
        let order = try runner.run(["open", "--db", db])
        #expect(order.error == "Error: \(config):1: date_order: must be \"dmy\" or \"mdy\", not \"ymd\"\n")
        try write("idle_lock_minutes = 0\n", to: "config/clinicdesk/config.toml", in: runner)
        let idle = try runner.run(["open", "--db", db])
        #expect(idle.error == "Error: \(config):1: idle_lock_minutes: must be a number of minutes from 0.1 to 240\n")
        try write("board_names = \"surnames\"\n", to: "config/clinicdesk/config.toml", in: runner)
        let names = try runner.run(["board", "--db", db])
        #expect(names.error
            == "Error: \(config):1: board_names: must be \"initials\", \"full\" or \"none\", not \"surnames\"\n")
        let option = try runner.run(["board", "--names", "surnames", "--db", db])
        #expect(option.status != 0 && option.error.contains("--names must be initials, full or none, not “surnames”."))
    }

    @Test func aUserKeymapMistakeNamesFileLineContextAndKey() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        let keymap = runner.path("config/clinicdesk/keymap.toml")
        try write("[pane.queue]\nc = \"queue.call-in\"\n", to: "config/clinicdesk/keymap.toml", in: runner)
        let result = try runner.run(["open", "--db", db])
        #expect(result.status != 0)
        #expect(result.error.hasPrefix("Error: \(keymap):2: [pane.queue] \"c\": unknown command \"queue.call-in\""))
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test func aBrokenUserThemeNamesFileLineAndKey() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        let theme = runner.path("config/clinicdesk/themes/mine.toml")
        try write("inherits = \"default\"\n\"ui.border\" = { fg = \"ultraviolet\" }\n", to: "config/clinicdesk/themes/mine.toml", in: runner)
        let result = try runner.run(["open", "--db", db, "--theme", "mine"])
        #expect(result.status != 0)
        #expect(result.error.hasPrefix("Error: \(theme):2"))
        #expect(result.error.contains("ui.border"))
        #expect(result.error.contains("ultraviolet"))
    }

    @Test func withoutATerminalTheAppSaysSoInsteadOfDrawing() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        let result = try runner.run(["--db", db])
        #expect(result.error == "Error: ClinicDesk needs a terminal: standard input and output must not be redirected.\n")
    }
}
