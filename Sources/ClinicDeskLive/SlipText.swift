public import ClinicCore
public import ClinicPrint
public import Foundation
import FrontDesk

/// The slip's words from a prescription.
public enum SlipText {
    public static func content(_ slip: PrescriptionSlip, timeZone: TimeZone) -> SlipContent {
        let prescription = slip.prescription
        let signed = moment(prescription.signedAt, timeZone: timeZone)
        return SlipContent(
            clinicName: slip.clinicName, clinicAddressLines: [], prescriberName: slip.prescriberName,
            patientName: slip.patient.details.displayName,
            patientDateOfBirth: slip.patient.details.birthDate?.description ?? "not recorded",
            patientMRN: slip.patient.mrn.description, dateSigned: signed,
            items: prescription.items.map { item in
                SlipItem(
                    drugTitle: item.title, directions: item.sig, quantity: item.quantity.isEmpty ? "—" : item.quantity,
                    refills: item.refills, validUntil: item.validUntil?.description ?? "—")
            },
            instructions: prescription.instructions.isEmpty ? nil : prescription.instructions,
            verificationCode: prescription.verificationCode,
            supersedesNote: slip.supersededCode.map { code in
                "Replaces prescription \(code)" + (prescription.supersedeReason.map { " (\($0))" } ?? "") + "; do not dispense \(code)."
            },
            footer: "\(slip.clinicName) · prescription \(prescription.verificationCode) · check it with: clinicdesk rx verify \(prescription.verificationCode)")
    }

    /// `2026-11-20 10:00` in the clinic's time zone.
    public static func moment(_ date: Date, timeZone: TimeZone) -> String {
        let day = CalendarDate.today(clock: .fixed(date), timeZone: timeZone)
        return "\(day) \(ClockText.time(date, timeZone: timeZone))"
    }
}
