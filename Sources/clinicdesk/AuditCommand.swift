import ArgumentParser
import ClinicCore
import ClinicDeskLive
import ClinicStore
import Foundation

/// `clinicdesk audit verify | show`: the tamper-evident audit trail.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit trail's chain, or show who saw or changed what.",
        subcommands: [Verify.self, Show.self]
    )

    /// Needs no sign-in, so it can run from cron: it prints event numbers, times, actions and
    /// usernames, never a patient's data.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute this device's audit chain; names the first event changed, removed or inserted (exit 1).")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.openStore()
            let report = try store.verifyAuditChain()
            if let problem = report.problem {
                FileHandle.standardError.write(Data("\(problem)\n\(report.checked) event\(report.checked == 1 ? "" : "s") before it verified.\n".utf8))
                throw ExitCode(1)
            }
            print("The audit trail verifies: \(report.checked) event\(report.checked == 1 ? "" : "s"), each chained to the one before.")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show audit events, oldest first (an admin, with their password).")

        @Option(help: "Only events about this patient (MRN).")
        var patient: String?

        @Option(help: "Only events by this username.")
        var user: String?

        @Option(help: "From this day, YYYY-MM-DD (clinic time).")
        var from: String?

        @Option(help: "Up to and including this day, YYYY-MM-DD.")
        var to: String?

        @Flag(help: "Comma-separated values with a header row.")
        var csv = false

        @OptionGroup var signedIn: SignedInUser
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.openStore()
            _ = try signedIn.user(in: store, may: .readAudit)
            let zone = try store.clinic().timeZone
            func day(_ text: String?, _ option: String) throws -> CalendarDate? {
                guard let text else { return nil }
                guard let date = CalendarDate(iso: text) else { throw CommandFailure("--\(option) “\(text)” is not a date; write YYYY-MM-DD.") }
                return date
            }
            let first = try day(from, "from"), last = try day(to, "to")
            if let first, let last, last < first { throw CommandFailure("--to \(last) is before --from \(first).") }
            let query = AuditQuery(patientID: try patient.map { try Lookups.patient($0, in: store).id }, actor: user,
                                   from: first?.start(in: zone), to: last?.adding(days: 1).start(in: zone))
            let entries = try store.auditTrail(query)
            if entries.count == query.limit {
                FileHandle.standardError.write(Data("Showing the first \(query.limit) events only; narrow it with --from, --to, --patient or --user.\n".utf8))
            }
            let rows = entries.map { entry in
                [SlipText.moment(entry.event.at, timeZone: zone), entry.event.actor, entry.event.action,
                 entry.patientName.map { "\($0) (\(entry.patientMRN ?? ""))" } ?? "", entry.device, entry.event.summary]
            }
            if csv {
                print(CSVLine.join(["time", "user", "action", "patient", "device", "summary"]))
                rows.forEach { print(CSVLine.join($0)) }
                return
            }
            guard !rows.isEmpty else {
                print("No audit events match.")
                return
            }
            for row in rows {
                print("\(row[0])  \(row[1])  \(row[2])\(row[3].isEmpty ? "" : "  \(row[3])")  [\(row[4])]  \(row[5])")
            }
        }
    }
}
