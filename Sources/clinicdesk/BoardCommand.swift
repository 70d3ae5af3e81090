import ArgumentParser
import Foundation
import FrontDesk

/// `clinicdesk board`: the waiting-room display — who is called to which room, who waits, the
/// average wait. Read-only and without sign-in; it never shows anything clinical.
struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Show the waiting-room board: tickets called to rooms, who waits, the average wait (no sign-in).",
        discussion:
            "q or Ctrl-C closes it. Names are initials unless --names or board_names in config.toml says otherwise."
    )

    @OptionGroup var database: DatabaseOption

    @Option(
        help: ArgumentHelp("What to show beside each ticket: initials (the default), full or none.", valueName: "names")
    )
    var names: String?

    @Option(help: "Colour theme: default, light, high-contrast, mono, ansi16, or one of yours.")
    var theme: String?

    func validate() throws {
        if let names, BoardNames(rawValue: names) == nil {
            throw ValidationError("--names must be initials, full or none, not “\(names)”.")
        }
    }

    func run() async throws {
        let config = try AppConfiguration.load(
            from: ClinicPaths.configDirectory().appendingPathComponent("config.toml"))
        let path =
            database.path.map(ClinicPaths.expand) ?? config.database.map(ClinicPaths.expand) ?? database.resolved()
        try await BoardSession.run(
            database: path, theme: theme ?? config.theme,
            names: names.flatMap(BoardNames.init(rawValue:)) ?? config.boardNames)
    }
}
