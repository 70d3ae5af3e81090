import ArgumentParser
import ClinicCore
import ClinicDeskLive
import ClinicPrint
import ClinicStore
import FrontDesk
import Foundation

/// The period, provider and output options every clinic report shares.
struct ReportOptions: ParsableArguments {
    @Option(help: "From this day, YYYY-MM-DD (default: 30 days before --to).")
    var from: String?

    @Option(help: "To this day, YYYY-MM-DD, included (default: today).")
    var to: String?

    @Option(help: "Only this provider (their name or part of it).")
    var provider: String?

    @Flag(help: "Comma-separated values with a header row, for a spreadsheet.")
    var csv = false

    func period(_ store: ClinicStore) throws -> (from: CalendarDate, to: CalendarDate) {
        func day(_ text: String?, _ flag: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let day = CalendarDate(iso: text) else { throw CommandFailure("\(flag) “\(text)” is not a date; write YYYY-MM-DD.") }
            return day
        }
        let to = try day(to, "--to") ?? store.today()
        let from = try day(from, "--from") ?? to.adding(days: -29)
        guard from <= to else { throw CommandFailure("--from \(from) is after --to \(to).") }
        guard to.daysSinceEpoch - from.daysSinceEpoch <= 3_660 else { throw CommandFailure("A report covers at most ten years.") }
        return (from, to)
    }

    /// The provider named by --provider: exactly one must match.
    func providerID(_ store: ClinicStore) throws -> Provider? {
        guard let provider else { return nil }
        let matches = try store.providers().filter { $0.displayName.localizedCaseInsensitiveContains(provider) }
        guard matches.count == 1 else {
            throw CommandFailure(matches.isEmpty ? "No provider is called “\(provider)”."
                : "“\(provider)” could be \(matches.map(\.displayName).joined(separator: ", ")); give more of the name.")
        }
        return matches[0]
    }

    /// Prints rows as aligned columns, or as CSV.
    func emit(_ title: String, header: [String], _ rows: [[String]]) {
        if csv {
            print(CSVLine.join(header))
            for row in rows { print(CSVLine.join(row)) }
            return
        }
        print(title)
        guard !rows.isEmpty else {
            print("  (nothing in this period)")
            return
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        // Figures line up on the right, words on the left.
        let numeric = header.indices.map { column in
            rows.allSatisfy { row in row[column].allSatisfy { $0.isNumber || "%.—-".contains($0) } }
        }
        let line = { (cells: [String]) in
            "  " + cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return numeric[index] ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        print(line(header))
        for row in rows { print(line(row)) }
    }
}

/// What every period report takes and does first: who asks (admins and doctors), on which
/// database, for which days and provider.
struct PeriodReportArguments: ParsableArguments {
    @OptionGroup var options: ReportOptions
    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    struct Opened {
        let store: ClinicStore
        let from: CalendarDate
        let to: CalendarDate
        let provider: EntityID<Provider>?
    }

    func open() throws -> Opened {
        let store = try database.openStore()
        _ = try signedIn.user(in: store, may: .viewReports)
        let (from, to) = try options.period(store)
        return Opened(store: store, from: from, to: to, provider: try options.providerID(store)?.id)
    }
}

/// `clinicdesk report no-shows`: appointments kept and missed by provider, and the rate.
struct NoShowsReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "no-shows", abstract: "No-shows by provider over a period: kept, missed, the rate (of those due), cancelled, unmarked.")

    @OptionGroup var report: PeriodReportArguments

    func run() throws {
        let report = try report.open()
        let (store, from, to, options) = (report.store, report.from, report.to, self.report.options)
        let lines = Reports.noShows(try store.appointmentCounts(from: from, to: to, provider: report.provider))
        options.emit("No-shows \(from) to \(to)", header: ["provider", "kept", "no-shows", "rate", "cancelled", "unmarked"], lines.map {
            [$0.provider, "\($0.kept)", "\($0.noShows)", Reports.percent($0.rateBasisPoints), "\($0.cancelled)", "\($0.unmarked)"]
        })
    }
}

/// `clinicdesk report waiting-times`: check-in → called and called → done, median and 90th percentile.
struct WaitingTimesReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waiting-times", abstract: "Waits in minutes per provider and day: check-in → called and called → done (median, 90th percentile).")

    @OptionGroup var report: PeriodReportArguments

    func run() throws {
        let report = try report.open()
        let (store, from, to, options) = (report.store, report.from, report.to, self.report.options)
        let lines = Reports.waitingTimes(try store.visitTimes(from: from, to: to, provider: report.provider))
        let text = { (value: Int?) in value.map(String.init) ?? "—" }
        options.emit("Waiting times \(from) to \(to) (minutes)",
                     header: ["day", "provider", "visits", "wait median", "wait p90", "seen median", "seen p90"], lines.map {
            [$0.day.description, $0.provider, "\($0.visits)", text($0.waitedMedian), text($0.waitedP90), text($0.seenMedian), text($0.seenP90)]
        })
    }
}

/// `clinicdesk report utilisation`: booked minutes ÷ minutes of working hours.
struct UtilisationReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "utilisation", abstract: "Booked minutes against working minutes per provider over a period.")

    @OptionGroup var report: PeriodReportArguments

    func run() throws {
        let report = try report.open()
        let (store, from, to, options) = (report.store, report.from, report.to, self.report.options)
        let lines = try store.utilisation(from: from, to: to, provider: report.provider)
        options.emit("Utilisation \(from) to \(to)", header: ["provider", "booked min", "available min", "utilisation"], lines.map {
            [$0.provider, "\($0.bookedMinutes)", "\($0.availableMinutes)", Reports.percent($0.basisPoints)]
        })
    }
}

/// `clinicdesk report registrations`: new patients per day.
struct RegistrationsReport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "registrations", abstract: "New patients registered per day, and the total.")

    @OptionGroup var report: PeriodReportArguments

    func run() throws {
        let report = try report.open()
        let (store, from, to, options) = (report.store, report.from, report.to, self.report.options)
        guard options.provider == nil else { throw CommandFailure("Registrations belong to the clinic, not to a provider: leave out --provider.") }
        let lines = Reports.registrations(try store.registrationDays(from: from, to: to), from: from, to: to)
        options.emit("New registrations \(from) to \(to): \(lines.map(\.count).reduce(0, +))", header: ["day", "new patients"],
                     lines.map { [$0.day.description, "\($0.count)"] })
    }
}

/// `clinicdesk report day-sheet --provider NAME [--day D] [--pdf FILE]`: a provider's day to print.
struct DaySheetReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day-sheet", abstract: "A provider's appointments for a day, with each patient's MRN and date of birth, to print.")

    @Option(help: "The day, YYYY-MM-DD (default: today).")
    var day: String?

    @Option(help: "The provider (their name or part of it).")
    var provider: String

    @Flag(help: "Comma-separated values with a header row.")
    var csv = false

    @Option(help: ArgumentHelp("Also write the printable sheet as a PDF to this file.", valueName: "file"))
    var pdf: String?

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        if let pdf, FileManager.default.fileExists(atPath: ClinicPaths.expand(pdf)) {
            throw CommandFailure("\(pdf) exists already; a day sheet never overwrites a file.")
        }
        _ = try signedIn.user(in: store, may: .viewReports)
        var options = ReportOptions()
        options.provider = provider
        options.csv = csv
        guard let chosen = try options.providerID(store) else { return }
        let date = try day.map { text in
            guard let day = CalendarDate(iso: text) else { throw CommandFailure("--day “\(text)” is not a date; write YYYY-MM-DD.") }
            return day
        } ?? store.today()
        let entries = try store.schedule(on: date).filter { $0.appointment.providerID == chosen.id }
        let rows = try entries.map { entry -> [String] in
            let born = try store.patient(entry.appointment.patientID)?.details.birthDate
            let start = entry.appointment.start.time
            let end = ClockTime(minuteOfDay: start.minuteOfDay + entry.appointment.minutes)?.description ?? ""
            return ["\(start)–\(end)", entry.patientName, entry.patientMRN.description,
                    born.map { "\($0.isEstimated ? "~" : "")\($0.date)" } ?? "", entry.appointment.kind.rawValue, entry.appointment.reason,
                    StatusWords.appointment(entry.appointment.status)]
        }
        let header = ["time", "patient", "MRN", "born", "kind", "reason", "status"]
        options.emit("\(chosen.displayName) — \(date): \(rows.count) appointment\(rows.count == 1 ? "" : "s")", header: header, rows)
        if let pdf {
            let clinic = try store.clinic().name
            let sheet = DaySheetPDF.content(clinic: clinic, provider: chosen.displayName, day: date.description, header: header, rows: rows)
            do {
                try DaySheetPDF.render(sheet, paper: .a4).write(to: URL(fileURLWithPath: ClinicPaths.expand(pdf)), options: .atomic)
            } catch {
                throw CommandFailure("Could not write \(pdf): \(error)")
            }
            print("Wrote the day sheet to \(pdf).")
        }
    }
}
