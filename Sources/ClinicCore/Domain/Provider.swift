/// A clinician who sees patients and has a schedule.
public struct Provider: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Provider>
    public var displayName: String
    public var specialty: Specialty
    /// Length of a standard appointment with this provider.
    public var defaultSlotMinutes: Int
    /// The login of this provider, when they use ClinicDesk themselves.
    public var userID: EntityID<User>?

    public init(
        id: EntityID<Provider>, displayName: String, specialty: Specialty,
        defaultSlotMinutes: Int, userID: EntityID<User>? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.specialty = specialty
        self.defaultSlotMinutes = defaultSlotMinutes
        self.userID = userID
    }
}

/// A provider's field of practice, as free text with common values offered.
public struct Specialty: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let generalPractice = Specialty(rawValue: "General practice")
    public static let paediatrics = Specialty(rawValue: "Paediatrics")
    public static let internalMedicine = Specialty(rawValue: "Internal medicine")
    public static let gynaecology = Specialty(rawValue: "Obstetrics & gynaecology")
    public static let dermatology = Specialty(rawValue: "Dermatology")
    public static let cardiology = Specialty(rawValue: "Cardiology")
}
