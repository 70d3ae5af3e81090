import ArgumentParser
import ClinicCore
import ClinicDeskLive
import ClinicPrint
import ClinicStore
import FrontDesk
import Foundation

/// `clinicdesk report …`: the clinic's figures for a person at a desk or a spreadsheet.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print a report: the cash-up, no-shows, waiting times, utilisation, registrations, a day sheet.",
        subcommands: [CashUpReport.self, NoShowsReport.self, WaitingTimesReport.self, UtilisationReport.self, RegistrationsReport.self,
                      DaySheetReport.self])
}

/// `clinicdesk report cash-up [--day D] [--till T] [--user U | --everyone] [--csv | --pdf FILE] --as USER`.
struct CashUpReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cash-up",
        abstract: "A day's takings at a till by method, the cash expected in the drawer and the counts made against it.")

    @Option(help: "The day, YYYY-MM-DD (default: today).")
    var day: String?

    @Option(help: "The till (a device's receipt prefix, e.g. RFC; default: this device).")
    var till: String?

    @Option(help: "Only the takings of this username (default: the signed-in user's own).")
    var user: String?

    @Flag(help: "Everyone's takings at the till, not one user's.")
    var everyone = false

    @Option(help: "The currency, an ISO 4217 code (default: the configuration's, else INR).")
    var currency: String?

    @Flag(help: "Comma-separated values with a header row: one row per method, then one per count.")
    var csv = false

    @Option(help: "Also write the printable sheet as a PDF to this file.")
    var pdf: String?

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        let reader = try signedIn.user(in: store, may: .takePayments)
        let date: CalendarDate
        if let day {
            guard let parsed = CalendarDate(iso: day) else { throw CommandFailure("--day “\(day)” is not a date; write YYYY-MM-DD.") }
            date = parsed
        } else {
            date = store.today()
        }
        if everyone, user != nil { throw CommandFailure("Give --user or --everyone, not both.") }
        let code = currency ?? (try? AppConfiguration.loadDefault().currency.code) ?? Currency.rupee.code
        guard let money = Currency(code: code) else { throw CommandFailure("--currency “\(code)” is not an ISO 4217 code such as INR.") }
        let cashUp = try store.cashUp(on: date, till: till?.uppercased(), user: everyone ? nil : (user ?? reader.username),
                                      currency: money)
        if let pdf {
            let sheet = ReceiptText.content(cashUp, clinicName: try store.clinic().name, timeZone: store.timeZone)
            do {
                try ReceiptPDF.render(sheet, paper: .a4).write(to: URL(fileURLWithPath: pdf), options: .atomic)
            } catch {
                throw CommandFailure("Could not write \(pdf): \(error)")
            }
        }
        if csv {
            print(CSVLine.join(["kind", "method or time", "entries or by", "received or expected", "given back or counted", "net or difference", "note"]))
            for line in cashUp.byMethod {
                print(CSVLine.join(["method", line.method.rawValue, "\(line.count)", money.format(line.received),
                                    money.format(line.givenBack), money.format(line.net), ""]))
            }
            for count in cashUp.counts {
                print(CSVLine.join(["count", ISOInstant.format(count.countedAt), count.userName, money.format(count.expected),
                                    money.format(count.counted), money.format(count.difference), count.note]))
            }
            return
        }
        print("Cash-up \(date) — till \(cashUp.device) — \(cashUp.userName ?? "everyone")")
        for line in cashUp.byMethod {
            let name = line.method.description.padding(toLength: 10, withPad: " ", startingAt: 0)
            print("  \(name) \(String(line.count).leftPadded(3)) entries  in \(money.format(line.received).leftPadded(12))"
                + "  back \(money.format(line.givenBack).leftPadded(10))  net \(money.format(line.net).leftPadded(12))")
        }
        print("  Total taken \(money.formatWithCode(cashUp.total)); cash expected in the drawer \(money.format(cashUp.expectedCash))")
        if let count = cashUp.latestCount {
            print("  Counted \(money.format(count.counted)) at \(ClockText.time(count.countedAt, timeZone: store.timeZone)) by "
                + "\(count.userName): \(CashUpWords.difference(count.difference, currency: money))"
                + (count.note.isEmpty ? "" : " — \(count.note)"))
        } else {
            print("  The drawer has not been counted yet.")
        }
        if let pdf { print("Wrote the sheet to \(pdf).") }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
