import ArgumentParser

/// `clinicdesk-server`: the central sync server of ClinicDesk and its operator commands.
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicdesk-server",
        abstract: "The ClinicDesk sync server: clinics' devices push and pull their changes through it.",
        discussion: """
            Every command takes --database URL (postgres://user:password@host:port/database?sslmode=disable), \
            else $CLINICDESK_DATABASE_URL, else \(DatabaseOptions.defaultURL).
            """,
        subcommands: [MigrateCommand.self, ClinicCommand.self, DeviceCommand.self, ServeCommand.self]
    )
}
