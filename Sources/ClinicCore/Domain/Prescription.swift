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

    public init(
        id: EntityID<Prescription>, patientID: EntityID<Patient>, prescriberID: EntityID<User>,
        visitID: EntityID<Visit>?, items: [PrescriptionItem], instructions: String, signedAt: Date,
        verificationCode: String, supersedes: EntityID<Prescription>? = nil
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

    public init(
        drug: String, strength: String = "", form: String = "", dose: String = "", route: String = "oral",
        frequency: String = "", durationDays: Int? = nil, quantity: String = "", refills: Int = 0, sig: String
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
