import ArgumentParser

/// `clinicdesk`: the front desk of a clinic in a terminal.
@main
struct ClinicDeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicdesk",
        abstract: "ClinicDesk: a keyboard-first front desk for clinics, on a local database that syncs later.",
        subcommands: [InitCommand.self, UserCommand.self, DemoCommand.self]
    )
}
