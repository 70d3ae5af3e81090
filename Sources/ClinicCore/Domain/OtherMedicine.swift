public import Foundation

/// A medicine the patient takes that was not prescribed here: from another doctor or hospital,
/// or bought over the counter. Recorded on the card so the prescribing checks see it with the
/// clinic's own prescriptions. Append-only: stopping it is a new entry that supersedes it.
public struct OtherMedicine: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<OtherMedicine>
    public var patientID: EntityID<Patient>
    public var drug: String
    public var strength: String
    public var form: String
    /// How it is taken, as the patient or their letter says ("1 at night").
    public var directions: String
    /// Where it comes from ("cardiologist, City Hospital", "over the counter"); for a stop, why.
    public var note: String
    public var recordedAt: Date
    public var recordedBy: EntityID<User>?
    /// The entry this one stops.
    public var supersedes: EntityID<OtherMedicine>?
    /// True when this entry records that the medicine was stopped (or entered in error).
    public var isStop: Bool

    public init(
        id: EntityID<OtherMedicine>, patientID: EntityID<Patient>, drug: String, strength: String = "", form: String = "",
        directions: String = "", note: String = "", recordedAt: Date, recordedBy: EntityID<User>?,
        supersedes: EntityID<OtherMedicine>? = nil, isStop: Bool = false
    ) {
        self.id = id
        self.patientID = patientID
        self.drug = drug
        self.strength = strength
        self.form = form
        self.directions = directions
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
        self.isStop = isStop
    }

    /// As the checks read it: a prescription line of the drug, strength and form.
    public var line: PrescriptionLine {
        PrescriptionLine(drug: drug, strength: strength, form: form, sig: directions)
    }

    /// `atorvastatin 20 mg tablet — 1 at night (cardiologist)`.
    public var summary: String {
        let name = [drug, strength, form].filter { !$0.isEmpty }.joined(separator: " ")
        return name + (directions.isEmpty ? "" : " — \(directions)") + (note.isEmpty ? "" : " (\(note))")
    }
}

extension Array where Element == OtherMedicine {
    /// The medicines still taken: every entry not stopped by a later one, minus the stops.
    public var current: [OtherMedicine] {
        let stopped = Set(compactMap(\.supersedes))
        return filter { !stopped.contains($0.id) && !$0.isStop }
    }
}
