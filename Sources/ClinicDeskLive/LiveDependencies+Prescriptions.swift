import ClinicCore
import ClinicData
import ClinicPrint
import ClinicStore
import Foundation
import FrontDesk

extension LiveDependencies {
    /// Prescribing over the store: the shipped reference data, the checks over the patient's
    /// allergies and current medicines, signing through the store (which runs the checks again),
    /// and slips written as PDF into `slips` (the folder is made when the first one is printed).
    static func prescriptions(_ store: ClinicStore, slips: URL, paper: PaperSize, printer: String?) -> PrescriptionsClient {
        // The reference is read the first time a prescription is written (a terminal that never
        // prescribes never parses the formulary).
        @Sendable func checker() -> PrescribingChecker { PrescribingChecker(reference: ShippedPrescribingData.reference) }
        return PrescriptionsClient(
            prescriptions: { id in try desk { try store.prescriptions(of: id) } },
            reference: { ShippedPrescribingData.reference },
            review: { patient, lines, correcting in
                try desk {
                    let check = try store.prescribingCheck(patient: patient, lines: lines, correcting: correcting)
                    return SigningReview(alerts: checker().check(check), allergyStatus: check.allergyStatus)
                }
            },
            sign: { patient, lines, overrides, correcting, user in
                try desk {
                    try store.signPrescription(patient: patient, lines: lines, overrides: overrides, correcting: correcting,
                                               checker: checker(), by: Author(user: user))
                }
            },
            cancel: { id, reason, user in _ = try desk { try store.cancelPrescription(id, reason: reason, by: Author(user: user)) } },
            print: { id in
                let slip = try desk { try store.prescriptionSlip(id.description) }
                let pdf = try SlipPDF.render(SlipText.content(slip, timeZone: store.timeZone), paper: paper)
                try FileManager.default.createDirectory(at: slips, withIntermediateDirectories: true)
                let file = slips.appendingPathComponent("\(slip.prescription.verificationCode).pdf")
                try pdf.write(to: file, options: .atomic)
                let code = slip.prescription.verificationCode
                guard let printer else { return "Wrote the slip of \(code) to \(file.path) (no printer is set up)." }
                return SlipPrinter.send(file, to: printer, code: code)
            })
    }
}

/// Sends a slip to a CUPS printer with `lp`, saying what happened in words.
enum SlipPrinter {
    static func send(_ file: URL, to printer: String, code: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/lp")
        process.arguments = ["-d", printer, "-t", "Prescription \(code)", file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "Cannot print: lp is not installed here. The slip of \(code) is at \(file.path)."
        }
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return "Printer \(printer) refused the slip of \(code) (\(said.isEmpty ? "lp failed" : said)); it is at \(file.path)."
        }
        return "Sent the slip of \(code) to \(printer) (also at \(file.path))."
    }
}
