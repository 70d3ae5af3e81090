/// A dosage form (`capsule`, `eye drops`) with the units a sig may dose it in and its routes.
public struct DosageForm: Hashable, Sendable {
    public let name: String
    /// Dose units from the sig vocabulary (`tablet`, `mL`, `puff`).
    public let units: [String]
    /// Route names (`oral`, `inhaled`).
    public let routes: [String]
    /// True when the form acts where it is put (a cream, eye drops): interaction and
    /// duplicate-therapy checks leave such items out; allergy checks never do.
    public let actsLocally: Bool

    public init(name: String, units: [String], routes: [String], actsLocally: Bool) {
        self.name = name
        self.units = units
        self.routes = routes
        self.actsLocally = actsLocally
    }
}
