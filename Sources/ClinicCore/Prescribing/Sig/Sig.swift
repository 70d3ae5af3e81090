/// A sig read from shorthand: the directions in words, and what they mean.
///
/// `"1 tab po bid pc x7d"` reads as "Take 1 tablet by mouth twice a day after meals for 7 days",
/// a dose of 1 tablet, route oral, 2 doses a day for 7 days, and a quantity of 14 tablets.
public struct Sig: Hashable, Sendable {
    /// The directions as the patient reads them.
    public let text: String
    public let dose: Dose?
    public let unit: SigUnit?
    public let route: SigRoute?
    public let frequency: SigFrequency?
    public let asNeeded: Bool
    public let durationDays: Int?
    /// dose × frequency × duration, when all three are known and the unit can be counted.
    public let quantity: Quantity?

    /// A dose number or range (`1`, `1/2`, `1 to 2`).
    public struct Dose: Hashable, Sendable {
        public let low: Double
        public let high: Double
        /// As printed ("1 to 2").
        public let text: String
    }

    /// How much to dispense (`14 tablets`, `105 mL`).
    public struct Quantity: Hashable, Sendable, CustomStringConvertible {
        public let amount: Int
        public let unit: SigUnit

        public var description: String { "\(amount) \(amount == 1 ? unit.singular : unit.plural)" }
    }
}

/// Why a sig could not be read.
public enum SigProblem: Hashable, Sendable, CustomStringConvertible {
    case empty
    /// A word the vocabulary does not know, with the closest one it does.
    case unknownWord(String, suggestion: String?)
    /// An abbreviation or number style on the do-not-use list.
    case doNotUse(DoNotUseFinding)
    /// Two routes, two frequencies or two units.
    case conflict(what: String, first: String, second: String)
    /// A unit with no number before it (`tab po bid`).
    case unitWithoutDose(String)
    /// A number that is not a dose, a duration or a maximum.
    case strayNumber(String)

    public var description: String {
        switch self {
        case .empty:
            "The sig is empty."
        case let .unknownWord(word, suggestion):
            "“\(word)” is not a sig word" + (suggestion.map { " (did you mean “\($0)”?)." } ?? ".")
        case let .doNotUse(finding):
            finding.description
        case let .conflict(what, first, second):
            "Two \(what): “\(first)” and “\(second)”; keep one."
        case let .unitWithoutDose(unit):
            "“\(unit)” has no dose before it (write “1 \(unit)”)."
        case let .strayNumber(number):
            "“\(number)” is not a dose, a duration or a maximum (for a duration write “x\(number)d” or “for \(number) days”)."
        }
    }
}

/// A sig that could not be read, with every problem found.
public struct SigError: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [SigProblem]

    public init(problems: [SigProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: " ") }
}
