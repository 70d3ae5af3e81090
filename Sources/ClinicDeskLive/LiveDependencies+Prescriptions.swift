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
                let code = slip.prescription.verificationCode
                return try PrintedFile.write(pdf, named: "\(code).pdf", in: slips, printer: printer, title: "Prescription \(code)",
                                             what: "slip of \(code)")
            })
    }
}
