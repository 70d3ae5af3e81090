import ArgumentParser

/// `clinicdesk`: the front desk of a clinic in a terminal.
@main
struct ClinicDeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicdesk",
        abstract: "ClinicDesk: a keyboard-first front desk for clinics, on a local database that syncs later.",
        subcommands: [OpenCommand.self, DemoCommand.self, InitCommand.self, UserCommand.self, CheckInCommand.self, BookCommand.self,
                      AppointmentsCommand.self, BoardCommand.self, RxCommand.self, EnrollCommand.self, SyncCommand.self,
                      ConflictsCommand.self],
        defaultSubcommand: OpenCommand.self
    )
}
