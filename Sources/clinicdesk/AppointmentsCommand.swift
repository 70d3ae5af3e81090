import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk appointments [--day DATE] [--provider NAME] [--csv]`: the day list.
struct AppointmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointments", abstract: "Print a day's appointments (today by default)."
    )

    @Option(help: "The day, YYYY-MM-DD (default: today).")
    var day: String?

    @Option(help: "Only this provider (a unique part of the name).")
    var provider: String?

    @Flag(help: "Comma-separated values with a header row.")
    var csv = false

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        _ = try signedIn.user(in: store)
        let date: CalendarDate
        if let day {
            guard let parsed = CalendarDate(iso: day) else { throw CommandFailure("--day “\(day)” is not a date; write YYYY-MM-DD.") }
            date = parsed
        } else {
            date = store.today()
        }
        var entries = try store.schedule(on: date)
        if let provider {
            let chosen = try Lookups.provider(provider, in: store)
            entries = entries.filter { $0.appointment.providerID == chosen.id }
        }
        let rows = entries.map { entry in
            [entry.appointment.start.time.description, String(entry.appointment.minutes), entry.providerName, entry.patientName,
             entry.patientMRN.description, entry.appointment.status.rawValue, entry.appointment.kind.rawValue,
             entry.appointment.mode.rawValue, entry.appointment.reason]
        }
        if csv {
            print(CSVLine.join(["time", "minutes", "provider", "patient", "mrn", "status", "kind", "mode", "reason"]))
            rows.forEach { print(CSVLine.join($0)) }
            return
        }
        guard !rows.isEmpty else {
            print("No appointments on \(date)\(provider.map { " for \($0)" } ?? "").")
            return
        }
        print("\(date): \(rows.count) appointment\(rows.count == 1 ? "" : "s")")
        for row in rows { print("\(row[0])  \(row[1].padding(toLength: 3, withPad: " ", startingAt: 0)) min  \(row[2]) · \(row[3]) (\(row[4])) · \(row[5])") }
    }
}

/// One line of CSV (RFC 4180), written by the CSV library: fields with commas, quotes or line breaks are quoted.
enum CSVLine {
    static func join(_ fields: [String]) -> String { CSVFiles.line(fields) }
}
