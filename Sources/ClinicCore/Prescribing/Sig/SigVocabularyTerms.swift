/// A route phrase of the sig vocabulary (`po` → "by mouth", route `oral`, verb "Take").
public struct SigRoute: Hashable, Sendable {
    /// How the expanded sig says it.
    public let words: String
    /// The route name dosage forms use.
    public let route: String
    /// The verb a sentence with this route starts with.
    public let verb: String
}

/// How many doses a frequency gives.
public enum DosesPerDay: Hashable, Sendable {
    /// A single dose (`stat`, `once`).
    case once
    /// `numerator / denominator` doses a day (`2/1` for bid, `1/7` for weekly).
    case perDay(numerator: Int, denominator: Int)
}

/// A frequency phrase (`bid` → "twice a day", 2 a day).
public struct SigFrequency: Hashable, Sendable {
    public let words: String
    public let doses: DosesPerDay
}

/// A dose unit (`tab` → tablet).
public struct SigUnit: Hashable, Sendable {
    /// Whether a quantity can be counted in this unit.
    public enum Kind: String, Hashable, Sendable {
        /// Dispensed by count or volume: the quantity is dose × doses (14 tablets, 105 mL).
        case counted
        /// A unit of a form dispensed as a pack (drops, puffs): no count.
        case pack
        /// A strength unit (mg, units): allowed with any form, not counted.
        case amount
    }

    public let singular: String
    public let plural: String
    public let kind: Kind
    /// The verb this unit calls for ("Apply" for a patch), if any.
    public let verb: String?
}

/// An abbreviation or number style that must not be written, with what to write instead.
public struct DoNotUseEntry: Hashable, Sendable {
    /// The forms it is caught in, as written in the data (`qd`), or a pattern name.
    public let tokens: [String]
    /// Why it is dangerous ("mistaken for QID (four times a day)").
    public let reason: String
    /// What to write instead ("daily").
    public let replacement: String
    /// The list it comes from (The Joint Commission, ISMP).
    public let source: String
}

/// What a sig word or phrase means.
enum SigMeaning: Hashable, Sendable {
    case route(SigRoute)
    case frequency(SigFrequency)
    case unit(SigUnit)
    case timing(String)
    case asNeeded(String)
    case instruction(String)
    case verb(String)
    case doNotUse(DoNotUseEntry)
}
