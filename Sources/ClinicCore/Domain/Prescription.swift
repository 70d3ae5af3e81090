public import Foundation

/// A signed prescription. Append-only: a correction is a new prescription that supersedes this one.
public struct Prescription: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Prescription>
    public var patientID: EntityID<Patient>
    public var prescriberID: EntityID<User>
    public var visitID: EntityID<Visit>?
    public var items: [PrescriptionItem]
    public var instructions: String
    public var signedAt: Date
    /// Short code a pharmacist can quote to confirm the prescription is genuine.
    public var verificationCode: String
    public var supersedes: EntityID<Prescription>?
    /// Why the prescription it supersedes was corrected or cancelled.
    public var supersedeReason: String?
    /// A cancellation: no items, it only ends the one it supersedes.
    public var isCancellation: Bool
    /// The alerts the prescriber signed over, each with the reason given.
    public var overrides: [AlertOverride]

    public init(
        id: EntityID<Prescription>, patientID: EntityID<Patient>, prescriberID: EntityID<User>,
        visitID: EntityID<Visit>?, items: [PrescriptionItem], instructions: String, signedAt: Date,
        verificationCode: String, supersedes: EntityID<Prescription>? = nil, supersedeReason: String? = nil,
        isCancellation: Bool = false, overrides: [AlertOverride] = []
    ) {
        self.id = id
        self.patientID = patientID
        self.prescriberID = prescriberID
        self.visitID = visitID
        self.items = items
        self.instructions = instructions
        self.signedAt = signedAt
        self.verificationCode = verificationCode
        self.supersedes = supersedes
        self.supersedeReason = supersedeReason
        self.isCancellation = isCancellation
        self.overrides = overrides
    }
}

/// A drug line as the prescriber enters it: what is prescribed, without an identity yet.
public struct PrescriptionLine: Hashable, Sendable, Codable {
    public var drug: String
    public var strength: String
    public var form: String
    public var dose: String
    public var route: String
    public var frequency: String
    public var durationDays: Int?
    public var quantity: String
    public var refills: Int
    /// The directions as the patient reads them ("Take 1 tablet three times a day for 7 days").
    public var sig: String
    /// The last day it may be dispensed.
    public var validUntil: CalendarDate?

    public init(
        drug: String, strength: String = "", form: String = "", dose: String = "", route: String = "oral",
        frequency: String = "", durationDays: Int? = nil, quantity: String = "", refills: Int = 0, sig: String,
        validUntil: CalendarDate? = nil
    ) {
        self.drug = drug
        self.strength = strength
        self.form = form
        self.dose = dose
        self.route = route
        self.frequency = frequency
        self.durationDays = durationDays
        self.quantity = quantity
        self.refills = refills
        self.sig = sig
        self.validUntil = validUntil
    }

    /// "amoxicillin 500 mg capsule" as shown in lists.
    public var title: String {
        [drug, strength, form].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// One drug line on a signed prescription: a ``PrescriptionLine`` with its identity. Its
/// fields read through (`item.drug`), so there is one definition of what a line holds.
@dynamicMemberLookup
public struct PrescriptionItem: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<PrescriptionItem>
    public var line: PrescriptionLine

    public init(id: EntityID<PrescriptionItem>, line: PrescriptionLine) {
        self.id = id
        self.line = line
    }

    public subscript<Value>(dynamicMember path: WritableKeyPath<PrescriptionLine, Value>) -> Value {
        get { line[keyPath: path] }
        set { line[keyPath: path] = newValue }
    }

    /// "amoxicillin 500 mg capsule" as shown in lists.
    public var title: String { line.title }
}

/// A prescription being corrected or cancelled, and why: the new entry supersedes it.
public struct PrescriptionCorrection: Hashable, Sendable {
    public var prescription: EntityID<Prescription>
    public var reason: String

    public init(prescription: EntityID<Prescription>, reason: String) {
        self.prescription = prescription
        self.reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// What a pharmacist learns from a verification code: whether it is a signed prescription still
/// standing, and no more of it than they need.
public struct PrescriptionVerification: Hashable, Sendable {
    public enum Standing: Hashable, Sendable {
        case valid
        /// Cancelled on that day, for that reason.
        case cancelled(on: Date, reason: String)
        /// Replaced by a correction with that code.
        case replaced(by: String, on: Date, reason: String)
    }

    public var code: String
    public var standing: Standing
    public var signedAt: Date
    public var prescriber: String
    public var drugs: [String]
    /// "J. S." — the patient's initials, not their name.
    public var patientInitials: String

    public init(code: String, standing: Standing, signedAt: Date, prescriber: String, drugs: [String], patientInitials: String) {
        self.code = code
        self.standing = standing
        self.signedAt = signedAt
        self.prescriber = prescriber
        self.drugs = drugs
        self.patientInitials = patientInitials
    }
}

/// A prescription with what its printed slip needs besides it.
public struct PrescriptionSlip: Hashable, Sendable {
    public var prescription: Prescription
    public var clinicName: String
    public var prescriberName: String
    public var patient: Patient
    /// The code of the prescription this one corrects, if any.
    public var supersededCode: String?

    public init(prescription: Prescription, clinicName: String, prescriberName: String, patient: Patient, supersededCode: String?) {
        self.prescription = prescription
        self.clinicName = clinicName
        self.prescriberName = prescriberName
        self.patient = patient
        self.supersededCode = supersededCode
    }
}
