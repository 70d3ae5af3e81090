import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk export patients|appointments --csv FILE`: the clinic's records for a spreadsheet
/// or another system, by an admin, audited.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export records (patients or appointments as CSV; FHIR R4 NDJSON).",
        subcommands: [ExportPatients.self, ExportAppointments.self, ExportFHIR.self])
}

/// The options both exports share.
struct ExportOptions: ParsableArguments {
    @Option(help: "From this day, YYYY-MM-DD (patients: registered; appointments: booked for).")
    var from: String?

    @Option(help: "To this day, YYYY-MM-DD, included.")
    var to: String?

    @Option(help: ArgumentHelp("The CSV file to write (it must not exist).", valueName: "file"))
    var csv: String

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    /// The database, once the person proved who they are and may export.
    func open() throws -> (ClinicStore, User) {
        let store = try database.openStore()
        return (store, try signedIn.user(in: store, may: .exportRecords))
    }

    func day(_ text: String?, _ flag: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let day = CalendarDate(iso: text) else { throw CommandFailure("\(flag) “\(text)” is not a date; write YYYY-MM-DD.") }
        return day
    }

    /// Writes the file through `rows` and audits it; prints what was written.
    func write(_ what: String, header: [String], store: ClinicStore, user: User,
               _ rows: (CSVFiles.Rows) throws -> Int) throws {
        let path = ClinicPaths.expand(csv)
        guard !FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(path) exists already; an export never overwrites a file.") }
        // Audited before the file takes its name: an export that cannot be audited leaves no file.
        let count = try CSVFiles.write(to: path, header: header) { row in
            let count = try rows(row)
            try store.recordExport(what, file: path, rows: count, by: Author(user: user))
            return count
        }
        print("Exported \(count) \(what) to \(path).")
    }
}

struct ExportPatients: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patients", abstract: "Every patient's details (columns named as `import patients` reads them).")

    @OptionGroup var options: ExportOptions

    func run() throws {
        let (store, user) = try options.open()
        let from = try options.day(options.from, "--from")
        let to = try options.day(options.to, "--to")
        try options.write("patients", header: ClinicStore.patientExportHeader, store: store, user: user) { row in
            try store.exportPatients(registeredFrom: from, to: to) { try row($0) }
        }
    }
}

struct ExportAppointments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointments", abstract: "Appointments from a day to a day (default: the last 30 days to the next 30).")

    @OptionGroup var options: ExportOptions

    func run() throws {
        let (store, user) = try options.open()
        let today = store.today()
        let from = try options.day(options.from, "--from") ?? today.adding(days: -30)
        let to = try options.day(options.to, "--to") ?? today.adding(days: 30)
        guard from <= to else { throw CommandFailure("--from \(from) is after --to \(to).") }
        try options.write("appointments", header: ClinicStore.appointmentExportHeader, store: store, user: user) { row in
            try store.exportAppointments(from: from, to: to) { try row($0) }
        }
    }
}
