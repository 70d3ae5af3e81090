public import Foundation

/// Triage measurements, each optional. Kept in integer units (tenths of a degree, grams,
/// millimetres) so every device and the server hold exactly the same value.
public struct VitalSigns: Hashable, Sendable, Codable {
    public var systolic: Int?
    public var diastolic: Int?
    /// Beats per minute.
    public var pulse: Int?
    /// Tenths of a degree Celsius (372 = 37.2 °C).
    public var temperatureTenths: Int?
    /// Breaths per minute.
    public var respiratoryRate: Int?
    /// Oxygen saturation, percent.
    public var oxygenSaturation: Int?
    public var weightGrams: Int?
    public var heightMillimetres: Int?

    public init(
        systolic: Int? = nil, diastolic: Int? = nil, pulse: Int? = nil, temperatureTenths: Int? = nil,
        respiratoryRate: Int? = nil, oxygenSaturation: Int? = nil, weightGrams: Int? = nil, heightMillimetres: Int? = nil
    ) {
        self.systolic = systolic
        self.diastolic = diastolic
        self.pulse = pulse
        self.temperatureTenths = temperatureTenths
        self.respiratoryRate = respiratoryRate
        self.oxygenSaturation = oxygenSaturation
        self.weightGrams = weightGrams
        self.heightMillimetres = heightMillimetres
    }

    /// Whether nothing was measured.
    public var isEmpty: Bool { self == VitalSigns() }
}

/// One triage: the vital signs, a short note and the priority set, by whom and when. Clinical
/// and append-only: a correction is a new triage that supersedes this one.
public struct Triage: Identifiable, Hashable, Sendable {
    public var id: EntityID<Triage>
    public var visitID: EntityID<Visit>
    public var patientID: EntityID<Patient>
    public var vitals: VitalSigns
    public var note: String
    public var priority: QueuePriority
    public var recordedAt: Date
    public var recordedBy: String
    public var supersedes: EntityID<Triage>?

    public init(id: EntityID<Triage>, visitID: EntityID<Visit>, patientID: EntityID<Patient>, vitals: VitalSigns, note: String,
                priority: QueuePriority, recordedAt: Date, recordedBy: String, supersedes: EntityID<Triage>?) {
        self.id = id
        self.visitID = visitID
        self.patientID = patientID
        self.vitals = vitals
        self.note = note
        self.priority = priority
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
    }
}
