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
    static func prescriptions(_ store: ClinicStore, slips: URL, paper: PaperSize) -> PrescriptionsClient {
        let reference = ShippedPrescribingData.reference
        let checker = PrescribingChecker(reference: reference)
        return PrescriptionsClient(
            prescriptions: { id in try desk { try store.prescriptions(of: id) } },
            reference: { reference },
            review: { patient, lines, correcting in
                try desk {
                    let card = try store.patientCard(patient)
                    let status = card?.patient.allergyStatus ?? .notAsked
                    let current = PrescriptionCourse.current(
                        try store.prescriptions(of: patient).filter { $0.id != correcting?.prescription }, today: store.today(),
                        timeZone: store.timeZone)
                    let alerts = checker.check(PrescribingCheck(
                        newItems: lines, currentMedicines: current, allergies: try store.allergies(of: patient).current,
                        allergyStatus: status))
                    return SigningReview(alerts: alerts, allergyStatus: status)
                }
            },
            sign: { patient, lines, overrides, correcting, user in
                try desk {
                    try store.signPrescription(patient: patient, lines: lines, overrides: overrides, correcting: correcting,
                                               checker: checker, by: Author(user: user))
                }
            },
            cancel: { id, reason, user in _ = try desk { try store.cancelPrescription(id, reason: reason, by: Author(user: user)) } },
            print: { id in
                let slip = try desk { try store.prescriptionSlip(id.description) }
                let pdf = try SlipPDF.render(SlipText.content(slip, timeZone: store.timeZone), paper: paper)
                try FileManager.default.createDirectory(at: slips, withIntermediateDirectories: true)
                let file = slips.appendingPathComponent("\(slip.prescription.verificationCode).pdf")
                try pdf.write(to: file, options: .atomic)
                return "Wrote the slip of \(slip.prescription.verificationCode) to \(file.path) (no printer is set up)."
            })
    }
}
