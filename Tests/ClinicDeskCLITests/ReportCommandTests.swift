import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk report …` for the owner and the doctors: tables and CSV over the demo week, the
/// figures the same as the store's, a printable day sheet, and refusals in words.
@Suite("clinicdesk report", .serialized)
struct ReportCommandTests {
    @Test func theDemoWeeksReportsPrintAsTablesAndCSVWithTheStoresFigures() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "300", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let to = store.today()
        let from = to.adding(days: -13)
        func report(_ name: String, _ extra: [String] = []) throws -> CommandRunner.Result {
            try runner.run(["report", name, "--from", from.description, "--to", to.description] + extra
                + ["--as", "doctor", "--password-stdin", "--db", db], input: "demo\n")
        }
        let noShows = try report("no-shows", ["--csv"])
        #expect(noShows.status == 0, "\(noShows.error)")
        let rows = noShows.output.split(separator: "\n").map(String.init)
        #expect(rows.first == "provider,kept,no-shows,rate,cancelled,unmarked")
        let expected = Reports.noShows(try store.appointmentCounts(from: from, to: to))
        #expect(rows.count == expected.count + 1)
        let total = try #require(expected.last)
        #expect(rows.last == "All providers,\(total.kept),\(total.noShows),\(Reports.percent(total.rateBasisPoints)),\(total.cancelled),\(total.unmarked)")

        let utilisation = try report("utilisation", ["--provider", "haddad"])
        #expect(utilisation.output.hasPrefix("Utilisation \(from) to \(to)\n"), "\(utilisation.output)")
        #expect(utilisation.output.contains("Dr Amina Haddad") && !utilisation.output.contains("Álvarez"), "one provider")
        let waits = try report("waiting-times")
        #expect(waits.output.contains("wait median") && waits.status == 0, "\(waits.output)")
        let registrations = try report("registrations")
        #expect(registrations.output.hasPrefix("New registrations \(from) to \(to): "), "\(registrations.output)")
        let ambiguous = try report("no-shows", ["--provider", "Dr"])
        #expect(ambiguous.error.hasPrefix("Error: “Dr” could be "), "\(ambiguous.error)")
        let nurse = try runner.run(["report", "no-shows", "--as", "nurse", "--password-stdin", "--db", db], input: "demo\n")
        #expect(nurse.error == "Error: A nurse may not see the clinic's reports.\n")
    }

    @Test func aDaySheetListsTheProvidersDayAndPrints() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "300", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let haddad = try #require(try store.providers().first { $0.displayName == "Dr Amina Haddad" })
        // The busiest day of the demo week for her.
        let monday = store.today().adding(days: 1 - store.today().isoWeekday)
        let days = (0..<7).map { monday.adding(days: $0) }
        let day = try #require(try days.max { try store.schedule(on: $0).filter { $0.appointment.providerID == haddad.id }.count
            < store.schedule(on: $1).filter { $0.appointment.providerID == haddad.id }.count })
        let entries = try store.schedule(on: day).filter { $0.appointment.providerID == haddad.id }
        #expect(!entries.isEmpty)
        let pdf = runner.path("sheet.pdf")
        let result = try runner.run(["report", "day-sheet", "--provider", "Haddad", "--day", day.description, "--pdf", pdf, "--as", "admin",
                                     "--password-stdin", "--db", db], input: "demo\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("Dr Amina Haddad — \(day): \(entries.count) appointment"), "\(result.output)")
        let text = try runner.tool("pdftotext", ["-layout", pdf, "-"])
        #expect(text.contains("Day sheet — Dr Amina Haddad — \(day)"), "\(text)")
        for entry in entries.prefix(5) {
            #expect(text.contains(entry.patientMRN.description), "\(entry.patientMRN) is on the sheet, whole")
        }
        #expect(!text.contains("confirme\n"), "a status is never split across lines")
    }
}
