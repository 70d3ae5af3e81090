public import ClinicCore

/// The patient a pane is showing or has selected: enough to name them unmistakably
/// (name and MRN) wherever another pane follows the same patient.
public struct PatientRef: Hashable, Sendable {
    public var id: EntityID<Patient>
    public var name: String
    public var mrn: MRN

    public init(id: EntityID<Patient>, name: String, mrn: MRN) {
        self.id = id
        self.name = name
        self.mrn = mrn
    }

    /// `García, José · RVC-000002`.
    public var title: String { "\(name) · \(mrn)" }
}
