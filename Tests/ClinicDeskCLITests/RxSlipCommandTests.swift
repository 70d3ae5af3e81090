import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk rx print` and `rx verify` as a doctor's desk and a pharmacist use them: the slip
/// read back with pdftotext (names in Arabic and CJK among them) and its QR code with zbarimg;
/// the code accepted while the prescription stands and refused once it is cancelled.
@Suite("clinicdesk rx print and verify", .serialized)
struct RxSlipCommandTests {
    /// A demo clinic with a prescription for a patient of each of `names`, signed by the demo doctor.
    func clinic(_ names: [(String, String)]) throws -> (CommandRunner, String, ClinicStore, [Prescription]) {
        let runner = try CommandRunner()
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "50", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let doctor = Author(user: try #require(try store.users().first { $0.username == "doctor" }))
        let prescriptions = try names.map { family, given in
            let patient = try store.registerPatient(PatientDetails(familyName: family, givenName: given), by: .system("test"))
            try store.recordNoKnownAllergies(patient: patient.id, by: doctor)
            return try store.issuePrescription(patient: patient.id, lines: [
                PrescriptionLine(drug: "amoxicillin", strength: "500 mg", form: "capsule", durationDays: 7, quantity: "21",
                                 sig: "Take 1 capsule by mouth three times a day for 7 days"),
                PrescriptionLine(drug: "paracetamol", strength: "500 mg", form: "tablet", quantity: "20", refills: 1,
                                 sig: "Take 1 to 2 tablets by mouth every 6 hours when needed for pain"),
            ], by: doctor)
        }
        return (runner, db, store, prescriptions)
    }

    static let tools = ["pdftotext", "pdftoppm", "zbarimg"].allSatisfy { FileManager.default.isExecutableFile(atPath: "/usr/bin/\($0)") }

    @Test(.enabled(if: tools)) func theSlipReadsBackWithEveryNameAndItsQRCodeIsTheVerificationCode() throws {
        let (runner, db, _, prescriptions) = try clinic([("الحسن", "فاطمة"), ("王", "小明"), ("Nguyễn", "Thị Hương")])
        defer { runner.remove() }
        // Each name as written; an Arabic "family, given" comes out in visual order around its comma.
        for (prescription, names) in zip(prescriptions, [["الحسن", "فاطمة"], ["王, 小明"], ["Nguyễn, Thị Hương"]]) {
            let pdf = runner.path("\(prescription.verificationCode).pdf")
            let printed = try runner.run(["rx", "print", prescription.verificationCode, "--pdf", pdf, "--as", "doctor", "--password-stdin",
                                          "--db", db], input: "demo\n")
            #expect(printed.status == 0, "\(printed.error)")
            #expect(printed.output.contains(pdf))
            let text = Self.withoutBidiControls(try runner.tool("pdftotext", ["-layout", pdf, "-"]))
            for name in names { #expect(text.contains(name), "\(name) in\n\(text)") }
            // Directions wrap inside their column: compare with runs of white space as one space.
            let flowing = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for words in ["amoxicillin 500 mg capsule", "Take 1 capsule by mouth three times a day for 7 days", "paracetamol 500 mg tablet",
                          prescription.verificationCode, "Dr"] {
                #expect(flowing.contains(words), "\(words) in\n\(text)")
            }
            _ = try runner.tool("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, runner.path("page")])
            let decoded = try runner.tool("zbarimg", ["--raw", "-q", "--nodbus", "-Sdisable", "-Sqrcode.enable", runner.path("page.png")])
            #expect(decoded == prescription.verificationCode + "\n")
        }
    }

    @Test func verifyAcceptsAStandingCodeAndRefusesACancelledOrUnknownOne() throws {
        let (runner, db, store, prescriptions) = try clinic([("Okafor", "Chidi")])
        defer { runner.remove() }
        let code = prescriptions[0].verificationCode
        let valid = try runner.run(["rx", "verify", code.lowercased(), "--db", db])
        #expect(valid.status == 0, "\(valid.error)")
        #expect(valid.output.contains("\(code): signed") && valid.output.contains("for O. C."), "\(valid.output)")
        #expect(valid.output.contains("amoxicillin 500 mg capsule") && !valid.output.contains("Okafor"), "initials only: \(valid.output)")

        let doctor = Author(user: try #require(try store.users().first { $0.username == "doctor" }))
        try store.cancelPrescription(prescriptions[0].id, reason: "Allergy found after signing", by: doctor)
        let cancelled = try runner.run(["rx", "verify", code, "--db", db])
        #expect(cancelled.status == 1)
        #expect(cancelled.output.contains("CANCELLED") && cancelled.output.contains("Allergy found after signing"), "\(cancelled.output)")

        let unknown = try runner.run(["rx", "verify", "ZZZZ-ZZZZ", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.output == "No prescription has the code ZZZZ-ZZZZ.\n")
    }

    @Test func aBadPaperSizeIsNamed() throws {
        let (runner, db, _, prescriptions) = try clinic([("Paper", "Size")])
        defer { runner.remove() }
        let result = try runner.run(["rx", "print", prescriptions[0].verificationCode, "--paper", "a5", "--as", "doctor", "--password-stdin",
                                     "--db", db], input: "demo\n")
        #expect(result.status != 0)
        #expect(result.error.contains("Unknown paper size \"a5\": use a4 or letter."), "\(result.error)")
    }

    /// pdftotext wraps right-to-left runs in embedding controls (U+202A–U+202E, U+2066–U+2069).
    static func withoutBidiControls(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !((0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)) }))
    }
}

extension CommandRunner {
    /// Runs a command-line tool and returns what it printed, failing on a non-zero exit.
    func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandToolFailure(name: name, status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }
}

struct CommandToolFailure: Error, CustomStringConvertible {
    let name: String
    let status: Int32
    var description: String { "\(name) exited \(status)" }
}

/// The demo's patients to try prescribing for: one per script, each with a signed prescription of
/// several medicines, and each raising the alert the demo's summary promises.
@Suite("Demo prescribing cases", .serialized)
struct DemoPrescribingCaseTests {
    @Test func everyScriptHasAPrescriptionAndItsPromisedAlert() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        let result = try runner.run(["demo", "--patients", "400", "--no-ui", "--db", db])
        #expect(result.status == 0, "\(result.error)")
        let store = try ClinicStore.open(at: db)
        let cases = result.output.split(separator: "\n").filter { $0.hasPrefix("  RFC-") }.map(String.init)
        for script in ["Latin with diacritics", "Arabic", "Devanagari", "CJK", "Vietnamese"] {
            #expect(cases.contains { $0.contains("(\(script))") }, "a \(script) patient in\n\(result.output)")
        }
        /// The patient of a case, by the MRN the summary printed.
        func patient(_ script: String) throws -> Patient {
            let line = try #require(cases.first { $0.contains("(\(script))") })
            let mrn = String(line.dropFirst(2).prefix { $0 != " " })
            return try #require(try store.searchPatients(text: "#\(mrn)").first.flatMap { try store.patient($0.id) })
        }
        for script in ["Latin with diacritics", "Arabic", "Devanagari", "CJK", "Vietnamese"] {
            let signed = try store.prescriptions(of: try patient(script).id)
            #expect(signed.contains { $0.items.count >= 2 && $0.items.allSatisfy { $0.sig.hasPrefix("Take") } }, "\(script): \(signed)")
        }
        #expect(try store.allergies(of: try patient("Latin with diacritics").id).current.contains { $0.substance == "penicillins" })
        #expect(try patient("Vietnamese").allergyStatus == .notAsked)
        let arabic = try store.prescriptions(of: try patient("Arabic").id).flatMap(\.items).map(\.drug)
        #expect(arabic.contains("warfarin"))
        let devanagari = try store.prescriptions(of: try patient("Devanagari").id).flatMap(\.items).map(\.drug)
        #expect(devanagari.contains("ibuprofen"))
        let fromElsewhere = try store.otherMedicines(of: try patient("Devanagari").id).current.map(\.drug)
        #expect(fromElsewhere == ["simvastatin"], "the card lists a medicine prescribed elsewhere")
    }
}
