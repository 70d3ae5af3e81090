import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `clinicdesk import patients FILE.csv`: a clinic's patient list from a spreadsheet, checked row
/// by row as the registration form checks it, all or nothing unless `--skip-bad`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import records from a file (patients from CSV).", subcommands: [ImportPatients.self])
}

struct ImportPatients: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patients",
        abstract: "Import patients from a CSV file with a header row.",
        discussion: """
            Columns are matched by header (family_name or "Surname", given_name or "First name", sex, \
            birth_date or "DOB", age, phone, alternate_phone, address, city, region, postal_code, country, \
            emergency_name, emergency_relationship, emergency_phone, id_type, id_number); --map names others. \
            Every row is checked as the registration form checks it. Without --skip-bad a file with any bad \
            row imports nothing; with it the good rows are imported in one transaction and the bad ones are \
            written to FILE.rejects.csv with their line and reason. Likely duplicates, against the clinic's \
            patients and within the file, are listed with their score (and in FILE.duplicates.csv).
            """)

    @Argument(help: ArgumentHelp("The CSV file (UTF-8, with a header row).", valueName: "file"))
    var file: String

    @Option(name: .customLong("map"), help: ArgumentHelp("A column that goes into a field: COLUMN=FIELD (repeatable).", valueName: "column=field"))
    var maps: [String] = []

    @Flag(help: "Check everything and say what would be imported, without importing.")
    var dryRun = false

    @Flag(help: "Import the good rows and write the bad ones to FILE.rejects.csv.")
    var skipBad = false

    @Option(help: "The file's encoding when it is not UTF-8: windows-1252 or latin-1.")
    var encoding: String?

    @Option(help: "How dates like 7/3/1984 are read: dmy or mdy (default: the configuration's, else dmy).")
    var dateOrder: String?

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        let user = try signedIn.user(in: store, may: .exportRecords)
        let path = ClinicPaths.expand(file)
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("Cannot read \(path).") }
        let declared = try encoding.map { name in
            guard let known = TextEncodingCheck.Encoding(named: name) else {
                throw CommandFailure("--encoding “\(name)” is not one of utf-8, windows-1252, latin-1.")
            }
            return known
        }
        let order = try dateOrder.map { text in
            guard let order = DateOrder(rawValue: text) else { throw CommandFailure("--date-order must be dmy or mdy, not “\(text)”.") }
            return order
        } ?? ((try? AppConfiguration.loadDefault())?.dateOrder ?? .dayMonthYear)
        let table: CSVFiles.Table
        let columns: PatientImportColumns
        do {
            table = try CSVFiles.read(try TextEncodingCheck.text(of: data, declared: declared))
            columns = try PatientImportColumns(headers: table.header, maps: maps)
        } catch {
            throw CommandFailure(error.description)
        }
        if !columns.ignored.isEmpty {
            print("Not imported (no field): " + columns.ignored.map { "“\($0)”" }.joined(separator: ", ")
                + ". Use --map \"COLUMN=FIELD\" to import one.")
        }
        let checked = check(table, columns, today: store.today(), order: order)
        Progress.finish()
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        for bad in checked.bad.prefix(20) { print("line \(bad.line): \(bad.reasons.joined(separator: "; "))") }
        if checked.bad.count > 20 { print("… and \(checked.bad.count - 20) more bad rows.") }

        let duplicates = try findDuplicates(checked.good.map(\.details), lines: checked.good.map(\.line), store: store)
        Progress.finish()
        for duplicate in duplicates.prefix(20) { print(duplicate.text) }
        if duplicates.count > 20 { print("… and \(duplicates.count - 20) more likely duplicates.") }
        if !duplicates.isEmpty, dryRun {
            print("\(duplicates.count) likely duplicate\(duplicates.count == 1 ? "" : "s") (they would be imported all the same).")
        } else if !duplicates.isEmpty {
            let report = path + ".duplicates.csv"
            try CSVFiles.write(to: report, header: ["line", "score", "likely the same as", "why"]) { row in
                for duplicate in duplicates { try row(["\(duplicate.line)", "\(duplicate.score)", duplicate.other, duplicate.why]) }
            }
            print("\(duplicates.count) likely duplicate\(duplicates.count == 1 ? "" : "s") (imported all the same; merge them "
                + "after checking): listed in \(report).")
        }

        if !checked.bad.isEmpty, !skipBad {
            throw CommandFailure("\(checked.bad.count) of \(table.rows.count) rows are not valid, so nothing was imported. Fix them, "
                + "or run again with --skip-bad to import the \(checked.good.count) good rows and write the bad ones to a rejects file.")
        }
        if dryRun {
            print("Dry run: \(checked.good.count) of \(table.rows.count) rows would be imported"
                + (checked.bad.isEmpty ? "." : "; \(checked.bad.count) bad rows would be left out."))
            return
        }
        guard !checked.good.isEmpty else {
            throw CommandFailure("None of the \(table.rows.count) rows is valid: nothing was imported.")
        }
        if !checked.bad.isEmpty {
            let rejects = path + ".rejects.csv"
            try CSVFiles.write(to: rejects, header: ["line", "problem"] + table.header) { row in
                for bad in checked.bad { try row(["\(bad.line)", bad.reasons.joined(separator: "; ")] + bad.cells) }
            }
            print("\(checked.bad.count) bad row\(checked.bad.count == 1 ? "" : "s") left out: written to \(rejects).")
        }
        let source = fileName + (checked.bad.isEmpty ? "" : "; \(checked.bad.count) bad rows left out")
        let now = Date()
        let ids = try store.importPatients(checked.good.map { ImportedPatient(details: $0.details, registeredAt: now) },
                                           source: source, by: Author(user: user))
        print("Imported \(ids.count) patient\(ids.count == 1 ? "" : "s") from \(fileName).")
    }

    struct Good {
        var line: Int
        var details: PatientDetails
    }

    struct Bad {
        var line: Int
        var cells: [String]
        var reasons: [String]
    }

    /// Every row through the registration form's own parsing and checks.
    func check(_ table: CSVFiles.Table, _ columns: PatientImportColumns, today: CalendarDate, order: DateOrder)
        -> (good: [Good], bad: [Bad])
    {
        var good: [Good] = []
        var bad: [Bad] = []
        good.reserveCapacity(table.rows.count)
        for (index, cells) in table.rows.enumerated() {
            if index % 2_000 == 0 { Progress.show("Checking rows", index, of: table.rows.count) }
            let line = table.lines[index]
            if cells.count > table.header.count, cells[table.header.count...].contains(where: { !$0.isEmpty }) {
                bad.append(Bad(line: line, cells: cells, reasons: ["\(cells.count) cells for \(table.header.count) columns (a comma inside a value needs quotes)"]))
                continue
            }
            switch columns.form(cells).parse(today: today, dateOrder: order) {
            case let .success(details): good.append(Good(line: line, details: details))
            case let .failure(failure): bad.append(Bad(line: line, cells: cells, reasons: columns.explain(failure)))
            }
        }
        Progress.show("Checking rows", table.rows.count, of: table.rows.count)
        return (good, bad)
    }

    struct Duplicate {
        var line: Int
        var score: Int
        var other: String
        var why: String
        var text: String { "line \(line): likely the same as \(other) (score \(score): \(why))" }
    }

    /// Likely duplicates of each good row: among the clinic's patients, and earlier in the file.
    func findDuplicates(_ rows: [PatientDetails], lines: [Int], store: ClinicStore) throws -> [Duplicate] {
        var found: [Duplicate] = []
        if try store.patientCount() > 0 {
            for (index, details) in rows.enumerated() {
                if index % 1_000 == 0 { Progress.show("Looking for duplicates", index, of: rows.count) }
                if let best = try store.duplicateCandidates(for: details, limit: 1).first {
                    found.append(Duplicate(line: lines[index], score: best.score,
                                           other: "\(best.patient.displayName) \(best.patient.mrn)", why: best.reasons.joined(separator: ", ")))
                }
            }
        }
        for pair in ImportDuplicates.pairs(rows) {
            found.append(Duplicate(line: lines[pair.second], score: pair.score,
                                   other: "\(rows[pair.first].displayName) on line \(lines[pair.first])", why: pair.reasons.joined(separator: ", ")))
        }
        return found.sorted { ($0.line, -$0.score) < ($1.line, -$1.score) }
    }
}

/// A progress line on standard error when it is a terminal.
enum Progress {
    nonisolated(unsafe) static var shown = false

    static func show(_ what: String, _ done: Int, of total: Int) {
        guard isatty(STDERR_FILENO) == 1, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(what.padding(toLength: 24, withPad: " ", startingAt: 0)) \(bar) \(done)/\(total)".utf8))
        shown = true
    }

    static func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
        shown = false
    }
}
