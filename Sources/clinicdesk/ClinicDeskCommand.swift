import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `clinicdesk`: the front desk of a clinic in a terminal.
@main
struct ClinicDeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicdesk",
        abstract: "ClinicDesk: a keyboard-first front desk for clinics, on a local database that syncs later.",
        subcommands: [OpenCommand.self, DemoCommand.self, InitCommand.self, UserCommand.self, CheckInCommand.self, BookCommand.self,
                      AppointmentsCommand.self, BoardCommand.self, RxCommand.self, EnrollCommand.self, SyncCommand.self,
                      ConflictsCommand.self, AuditCommand.self, ReportCommand.self, BackupCommand.self, RestoreCommand.self, ImportCommand.self, ExportCommand.self, DuplicatesCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// Everything this program writes (slips, logs, the database) holds patient data, so new
    /// files are the owner's only; a group-shared database keeps its own mode (SQLite gives its
    /// WAL and shared-memory files the database's mode). Then ArgumentParser's own main.
    static func main() async {
        umask(0o077)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
