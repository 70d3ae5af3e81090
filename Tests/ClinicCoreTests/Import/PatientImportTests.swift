import ClinicCore
import Foundation
import Testing

/// Spreadsheet columns to patient fields, rows through the registration form's checks, the
/// file's encoding named rather than guessed, and duplicates within a file.
struct PatientImportTests {
    static let today = CalendarDate(iso: "2026-12-08")!

    @Test func headersAreRecognisedBySpellingAndMapsNameTheRest() throws {
        let columns = try PatientImportColumns(
            headers: ["Surname", "First Name", "DOB", "Gender", "Mobile", "Nom de jeune fille", "Notes", "PIN code"],
            maps: ["Nom de jeune fille=emergency_name"])
        #expect(columns.header(of: .familyName) == "Surname" && columns.header(of: .givenName) == "First Name")
        #expect(columns.header(of: .birthDate) == "DOB" && columns.header(of: .sex) == "Gender" && columns.header(of: .phone) == "Mobile")
        #expect(columns.header(of: .emergencyName) == "Nom de jeune fille")
        #expect(columns.header(of: .postalCode) == "PIN code")
        #expect(columns.ignored == ["Notes"], "what goes nowhere is named")
    }

    @Test func aFileWithoutNamesOrWithAmbiguousColumnsIsRefusedWithTheFix() throws {
        #expect(throws: ImportProblem("No column holds the given name: the columns are “Surname”, “Name”. Name it with --map \"COLUMN=given_name\".")) {
            try PatientImportColumns(headers: ["Surname", "Name"], maps: [])
        }
        #expect {
            try PatientImportColumns(headers: ["Surname", "Last name", "First name"], maps: [])
        } throws: { ($0 as? ImportProblem)?.description.hasPrefix("Two columns go into family_name: “Surname” and “Last name”") == true }
        #expect {
            try PatientImportColumns(headers: ["Surname", "First name"], maps: ["Surname=shoe_size"])
        } throws: { ($0 as? ImportProblem)?.description.contains("“shoe_size” is not a field; use one of family_name, given_name") == true }
        #expect {
            try PatientImportColumns(headers: ["Surname", "First name"], maps: ["Mother=emergency_name"])
        } throws: { ($0 as? ImportProblem)?.description.hasPrefix("--map names a column “Mother” that the file does not have") == true }
        // A --map picks one of two candidate columns, and the other is then left alone.
        #expect(try PatientImportColumns(headers: ["Surname", "Last name", "First name"], maps: ["Last name=family_name"])
            .header(of: .familyName) == "Last name")
    }

    @Test func aRowIsCheckedAsTheFormChecksItAndProblemsNameTheirColumn() throws {
        let columns = try PatientImportColumns(headers: ["Surname", "First name", "DOB", "Sex", "Phone", "ID type", "ID number"], maps: [])
        let good = try columns.form(["  García ", "José", "14/07/1990", "m", "0612 345 678", "Aadhaar", "1234 5678 9012"])
            .parse(today: Self.today).get()
        #expect(good.familyName == "García" && good.sex == .male && good.birthDate?.date.description == "1990-07-14")
        #expect(good.identifiers == [PatientIdentifier(kind: "Aadhaar", value: "1234 5678 9012")])
        guard case let .failure(failure) = columns.form(["Smith", "", "31/02/1990", "Q", "call me", "", ""]).parse(today: Self.today) else {
            Issue.record("a bad row passed")
            return
        }
        let reasons = columns.explain(failure)
        #expect(reasons.contains { $0.hasPrefix("column “DOB”: Date of birth “31/02/1990” is not a date") }, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("column “Sex”: Sex “Q”") }, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("column “Phone”:") }, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("column “First name”:") }, "\(reasons)")
        // Month-first dates when the clinic reads them so.
        #expect(try columns.form(["Lee", "Ann", "07/14/1990", "", "", "", ""]).parse(today: Self.today, dateOrder: .monthDayYear).get()
            .birthDate?.date.description == "1990-07-14")
    }

    @Test func utf8WithOrWithoutAByteOrderMarkIsReadAndAnythingElseIsNamed() throws {
        let text = "family_name,given_name\nNúñez,José\n"
        #expect(try TextEncodingCheck.text(of: Data(text.utf8), declared: nil) == text)
        #expect(try TextEncodingCheck.text(of: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), declared: nil) == text, "the BOM is dropped")
        let latin1 = try #require(text.data(using: .isoLatin1))
        #expect {
            try TextEncodingCheck.text(of: latin1, declared: nil)
        } throws: { error in
            let said = (error as? ImportProblem)?.description ?? ""
            return said.hasPrefix("The file is not UTF-8: line 2 has the byte 0xFA, which looks like Latin-1 (read that way the line says “Núñez,José”)")
                && said.contains("--encoding latin-1")
        }
        #expect(try TextEncodingCheck.text(of: latin1, declared: .latin1) == text)
        // Curly quotes are 0x93 and 0x94 in Windows-1252, control codes in Latin-1: the guess says which.
        let windows = Data("family_name,given_name\n".utf8) + Data([0x93, 0x4F, 0x27, 0x4E, 0x65, 0x69, 0x6C, 0x6C, 0x94, 0x2C, 0x41, 0x6E, 0x6E, 0x0A])
        #expect {
            try TextEncodingCheck.text(of: windows, declared: nil)
        } throws: { ($0 as? ImportProblem)?.description.contains("looks like Windows-1252 (read that way the line says ““O'Neill”,Ann”)") == true }
        #expect(try TextEncodingCheck.text(of: windows, declared: .windows1252).contains("“O'Neill”"))
        // A UTF-8 file with one stray byte is not another encoding: the line is named, no --encoding is offered.
        let stray = Data("family_name,given_name\nNúñez,José\nMüller,Jürgen\nO".utf8) + Data([0xE9]) + Data("l,Ann\n".utf8)
        #expect {
            try TextEncodingCheck.text(of: stray, declared: nil)
        } throws: { error in
            let said = (error as? ImportProblem)?.description ?? ""
            return said.hasPrefix("The file is UTF-8 except for line 4, which has the byte 0xE9") && !said.contains("--encoding")
        }
        #expect(TextEncodingCheck.Encoding(named: "CP1252") == .windows1252 && TextEncodingCheck.Encoding(named: "ebcdic") == nil)
    }

    @Test func duplicatesWithinAFileArePairedWithTheirScore() throws {
        func person(_ family: String, _ given: String, _ born: String?, phone: String? = nil) throws -> PatientDetails {
            PatientDetails(familyName: family, givenName: given, birthDate: born.map { BirthDate(date: CalendarDate(iso: $0)!) },
                           phone: try phone.map { try PhoneNumber(parsing: $0) })
        }
        let rows = [
            try person("Okafor", "Ada", "1980-05-02"),
            try person("Mensah", "Kofi", "1975-01-30", phone: "0501 234 567"),
            try person("Okafor", "Ada", "1980-05-02"),
            try person("Mensa", "Kofi", nil, phone: "0501 234 567"),
            try person("Okafor", "Chidi", "2001-09-09"),
        ]
        let pairs = ImportDuplicates.pairs(rows)
        #expect(pairs.map { [$0.first, $0.second] } == [[0, 2], [1, 3]], "\(pairs)")
        #expect(pairs[0].score >= DuplicateCheck.threshold && pairs[0].reasons.contains("same date of birth"))
        #expect(pairs[1].reasons.contains("same phone"))
    }
}
