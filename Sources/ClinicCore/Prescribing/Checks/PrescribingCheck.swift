/// What the prescribing checks look at: the lines being added, the rest of the same
/// prescription, what the patient already takes, and their allergies.
///
/// Only the new items are checked; pairs among the other items and current medicines were
/// checked when those were prescribed.
public struct PrescribingCheck: Sendable {
    /// The lines being prescribed now.
    public var newItems: [PrescriptionLine]
    /// Lines already on the same prescription.
    public var otherItems: [PrescriptionLine]
    /// Active prescriptions and other medicines recorded on the patient's card.
    public var currentMedicines: [PrescriptionLine]
    /// The patient's allergy records; superseded and retracted ones are ignored.
    public var allergies: [Allergy]
    public var allergyStatus: AllergyStatus
    /// Why the allergies could not be asked, when they could not.
    public var allergyNote: String

    public init(
        newItems: [PrescriptionLine], otherItems: [PrescriptionLine] = [], currentMedicines: [PrescriptionLine] = [],
        allergies: [Allergy] = [], allergyStatus: AllergyStatus, allergyNote: String = ""
    ) {
        self.allergyNote = allergyNote
        self.newItems = newItems
        self.otherItems = otherItems
        self.currentMedicines = currentMedicines
        self.allergies = allergies
        self.allergyStatus = allergyStatus
    }
}
