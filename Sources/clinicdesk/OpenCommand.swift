import ArgumentParser
import ClinicPrint
import Foundation
import FrontDesk

/// `clinicdesk` (or `clinicdesk open`): the full-screen front desk on the clinic database.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the front desk on the clinic database (the default)."
    )

    @OptionGroup var database: DatabaseOption
    @OptionGroup var appearance: AppearanceOptions

    func run() async throws {
        let config = try AppConfiguration.load(from: ClinicPaths.configDirectory().appendingPathComponent("config.toml"))
        let path = database.path.map(ClinicPaths.expand) ?? config.database.map(ClinicPaths.expand)
            ?? database.resolved()
        try await TerminalSession.run(appearance.options(database: path, config: config))
    }
}

/// `--theme` and `--keymap`, overriding the configuration file.
struct AppearanceOptions: ParsableArguments {
    @Option(help: "Colour theme: default, light, high-contrast, mono, ansi16, or one of yours.")
    var theme: String?

    @Option(help: "Key bindings: default, vim or classic.")
    var keymap: String?

    func options(database: String, config: AppConfiguration) -> TerminalSession.Options {
        TerminalSession.Options(database: database, theme: theme ?? config.theme, keymap: keymap ?? config.keymap,
                                dateOrder: config.dateOrder, settings: AppSettings(lateAfterMinutes: config.lateAfterMinutes, idleLockSeconds: config.idleLockSeconds),
                                paper: (try? PaperSize(parsing: config.paper)) ?? .a4, printer: config.printer, lockout: config.lockout)
    }
}
