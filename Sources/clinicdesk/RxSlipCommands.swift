import ArgumentParser
import ClinicCore
import ClinicPrint
import ClinicDeskLive
import ClinicStore
import Foundation
import FrontDesk

/// `clinicdesk rx print ID|CODE [--pdf FILE] [--paper a4|letter]`: the prescription's slip as a PDF.
struct RxPrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Write a signed prescription's slip as a PDF.",
        discussion: """
            The slip names the clinic, prescriber and patient (date of birth, MRN), each medicine with its directions \
            in words, quantity, refills and last day, and the verification code with its QR code. Without --pdf it \
            is written to the data folder's slips/ and the path is printed.
            """)

    @Argument(help: "The prescription's verification code (or its id).")
    var prescription: String

    @Option(help: ArgumentHelp("Where to write the PDF.", valueName: "file"))
    var pdf: String?

    @Option(help: "a4 or letter (default: paper in the configuration, else a4).")
    var paper: String?

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        _ = try signedIn.user(in: store)
        let slip = try store.prescriptionSlip(prescription)
        let configured = try AppConfiguration.load(from: ClinicPaths.configDirectory().appendingPathComponent("config.toml")).paper
        let size: PaperSize
        do {
            size = try PaperSize(parsing: paper ?? configured)
        } catch {
            throw CommandFailure("--paper: \(error.description)")
        }
        let data: Data
        do {
            data = try SlipPDF.render(SlipText.content(slip, timeZone: try store.clinic().timeZone), paper: size)
        } catch {
            throw CommandFailure("Cannot make the slip: \(error)")
        }
        let target = pdf.map(ClinicPaths.expand)
            ?? ClinicPaths.dataDirectory().appendingPathComponent("slips/\(slip.prescription.verificationCode).pdf").path
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: target).deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw CommandFailure("Cannot write \(target): \(error.localizedDescription)")
        }
        print("Wrote the slip of \(slip.prescription.verificationCode) to \(target).")
    }
}

/// `clinicdesk rx verify CODE`: whether a code belongs to a signed prescription still standing.
struct RxVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a prescription's verification code.",
        discussion: """
            Prints the date, prescriber, medicines and the patient's initials of a signed prescription and exits 0; \
            says it was cancelled or replaced (exit 1), or that no prescription has the code (exit 1).
            """)

    @Argument(help: "The code on the slip, such as ABCD-EFGH.")
    var code: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        guard let found = try store.verifyPrescription(code: code) else {
            print("No prescription has the code \(code.uppercased()).")
            throw ExitCode(1)
        }
        let zone = try store.clinic().timeZone
        let signed = SlipText.moment(found.signedAt, timeZone: zone)
        switch found.standing {
        case .valid:
            print("\(found.code): signed \(signed) by \(found.prescriber) for \(found.patientInitials)")
            found.drugs.forEach { print("  \($0)") }
        case let .cancelled(on, reason):
            print("\(found.code): CANCELLED on \(SlipText.moment(on, timeZone: zone)) (\(reason)); do not dispense.")
            throw ExitCode(1)
        case let .replaced(by, on, reason):
            print("\(found.code): REPLACED by \(by) on \(SlipText.moment(on, timeZone: zone)) (\(reason)); dispense \(by) instead.")
            throw ExitCode(1)
        }
    }
}
