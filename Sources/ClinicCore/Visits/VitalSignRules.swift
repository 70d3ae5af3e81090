import Foundation

/// One measurement a triage takes.
public enum VitalSign: String, CaseIterable, Hashable, Sendable {
    case bloodPressure, pulse, temperature, respiratoryRate, oxygenSaturation, weight, height

    public var label: String {
        switch self {
        case .bloodPressure: "Blood pressure"
        case .pulse: "Pulse"
        case .temperature: "Temperature"
        case .respiratoryRate: "Respiratory rate"
        case .oxygenSaturation: "SpO₂"
        case .weight: "Weight"
        case .height: "Height"
        }
    }

    /// The name within a sentence: `blood pressure`, `SpO₂`.
    public var name: String {
        self == .oxygenSaturation ? label : label.lowercased()
    }

    /// The unit the value is read in, shown beside the field.
    public var unit: String {
        switch self {
        case .bloodPressure: "mmHg"
        case .pulse: "/min"
        case .temperature: "°C"
        case .respiratoryRate: "/min"
        case .oxygenSaturation: "%"
        case .weight: "kg"
        case .height: "cm"
        }
    }
}

/// What a value says beyond its number.
public enum VitalFlag: Hashable, Sendable {
    case low
    case high
    /// Outside what a living patient plausibly shows: saved, but to be checked.
    case implausible(String)

    /// `low`, `HIGH`, `check`: a word, never colour alone.
    public var word: String {
        switch self {
        case .low: "low"
        case .high: "high"
        case .implausible: "check"
        }
    }
}

/// Vital signs read from what a nurse typed, with each value's flag.
public struct VitalSignsReading: Hashable, Sendable {
    public var vitals: VitalSigns
    public var flags: [VitalSign: VitalFlag]
}

/// Reading and checking triage measurements. Text that is no measurement (letters, a negative
/// number, SpO₂ over 100 %, a diastolic at or above the systolic) is refused with the reason;
/// a value outside the plausible range is kept and flagged to be checked; one outside the
/// usual adult range is flagged low or high.
public enum VitalSignRules {
    struct Range {
        var plausible: ClosedRange<Double>
        var normal: ClosedRange<Double>
    }

    static let ranges: [VitalSign: Range] = [
        .pulse: Range(plausible: 20...250, normal: 50...100),
        .temperature: Range(plausible: 30...44, normal: 36...37.9),
        .respiratoryRate: Range(plausible: 4...70, normal: 12...20),
        .oxygenSaturation: Range(plausible: 50...100, normal: 95...100),
        .weight: Range(plausible: 0.3...350, normal: 0.3...350),
        .height: Range(plausible: 25...250, normal: 25...250),
    ]
    static let systolic = Range(plausible: 50...260, normal: 90...139)
    static let diastolic = Range(plausible: 20...160, normal: 60...89)

    /// Reads the typed values (empty text: not measured).
    public static func read(_ typed: [VitalSign: String]) -> Result<VitalSignsReading, ValidationFailure> {
        var vitals = VitalSigns()
        var flags: [VitalSign: VitalFlag] = [:]
        var problems: [FieldProblem] = []
        for sign in VitalSign.allCases {
            let text = (typed[sign] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            switch readOne(sign, text) {
            case let .success((flag, apply)):
                apply(&vitals)
                if let flag { flags[sign] = flag }
            case let .failure(problem):
                problems.append(problem)
            }
        }
        guard problems.isEmpty else { return .failure(ValidationFailure(problems)) }
        return .success(VitalSignsReading(vitals: vitals, flags: flags))
    }

    /// The flags of stored vital signs (for showing a triage again).
    public static func flags(of vitals: VitalSigns) -> [VitalSign: VitalFlag] {
        var flags: [VitalSign: VitalFlag] = [:]
        if let systolic = vitals.systolic, let diastolic = vitals.diastolic {
            flags[.bloodPressure] = pressureFlag(Double(systolic), Double(diastolic))
        }
        let values: [(VitalSign, Double?)] = [
            (.pulse, vitals.pulse.map(Double.init)), (.temperature, vitals.temperatureTenths.map { Double($0) / 10 }),
            (.respiratoryRate, vitals.respiratoryRate.map(Double.init)),
            (.oxygenSaturation, vitals.oxygenSaturation.map(Double.init)),
            (.weight, vitals.weightGrams.map { Double($0) / 1000 }), (.height, vitals.heightMillimetres.map { Double($0) / 10 }),
        ]
        for case let (sign, value?) in values { flags[sign] = flag(value, ranges[sign]!, sign) }
        return flags.compactMapValues { $0 }
    }

    private typealias Reading = (flag: VitalFlag?, apply: (inout VitalSigns) -> Void)

    private static func readOne(_ sign: VitalSign, _ text: String) -> Result<Reading, FieldProblem> {
        let field = sign.rawValue
        if sign == .bloodPressure {
            let parts = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let high = Int(parts[0]), let low = Int(parts[1]), high > 0, low > 0 else {
                return .failure(FieldProblem(field: field, message: "Blood pressure “\(text)” is not systolic/diastolic, e.g. 120/80."))
            }
            guard low < high else {
                return .failure(FieldProblem(field: field, message: "Blood pressure \(text): the diastolic must be below the systolic."))
            }
            return .success((pressureFlag(Double(high), Double(low)), { $0.systolic = high; $0.diastolic = low }))
        }
        guard let (number, unit) = number(in: text), number > 0 else {
            return .failure(FieldProblem(field: field, message: "\(sign.label) “\(text)” is not a number of \(sign.unit)."))
        }
        var value = number
        switch (sign, unit) {
        case (.temperature, "f"), (.temperature, "°f"): value = (number - 32) * 5 / 9
        case (.temperature, ""): if number > 50 { value = (number - 32) * 5 / 9 }  // 98.6 can only be Fahrenheit
        case (.weight, "lb"), (.weight, "lbs"): value = number * 0.453_592_37
        case (.weight, "g"): value = number / 1000
        case (.height, "m"): value = number * 100
        case (.height, "in"): value = number * 2.54
        case (_, ""), (.temperature, "c"), (.temperature, "°c"), (.weight, "kg"), (.height, "cm"),
             (.pulse, "bpm"), (.oxygenSaturation, "%"):
            break
        default:
            return .failure(FieldProblem(field: field, message: "\(sign.label) “\(text)”: “\(unit)” is not a unit for it; use \(sign.unit)."))
        }
        if sign == .oxygenSaturation, value > 100 {
            return .failure(FieldProblem(field: field, message: "SpO₂ \(text) is over 100 %."))
        }
        let flag = flag(value, ranges[sign]!, sign)
        let apply: (inout VitalSigns) -> Void = switch sign {
        case .pulse: { $0.pulse = Int(value.rounded()) }
        case .temperature: { $0.temperatureTenths = Int((value * 10).rounded()) }
        case .respiratoryRate: { $0.respiratoryRate = Int(value.rounded()) }
        case .oxygenSaturation: { $0.oxygenSaturation = Int(value.rounded()) }
        case .weight: { $0.weightGrams = Int((value * 1000).rounded()) }
        case .height: { $0.heightMillimetres = Int((value * 10).rounded()) }
        case .bloodPressure: { _ in }
        }
        return .success((flag, apply))
    }

    /// `37.2`, `98.6 F`, `72,5kg` → the number and its unit in lower case (a comma is a decimal point).
    static func number(in text: String) -> (Double, String)? {
        let lowered = text.lowercased().replacingOccurrences(of: ",", with: ".")
        let digits = lowered.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let value = Double(digits) else { return nil }
        return (value, lowered.dropFirst(digits.count).trimmingCharacters(in: .whitespaces))
    }

    private static func flag(_ value: Double, _ range: Range, _ sign: VitalSign) -> VitalFlag? {
        if !range.plausible.contains(value) {
            return .implausible("\(sign.label) \(Self.format(value)) \(sign.unit) is outside \(Self.format(range.plausible.lowerBound))–\(Self.format(range.plausible.upperBound)) \(sign.unit): check it.")
        }
        if value < range.normal.lowerBound { return .low }
        if value > range.normal.upperBound { return .high }
        return nil
    }

    private static func pressureFlag(_ high: Double, _ low: Double) -> VitalFlag? {
        if !systolic.plausible.contains(high) || !diastolic.plausible.contains(low) {
            return .implausible("Blood pressure \(Int(high))/\(Int(low)) mmHg is outside what a patient plausibly shows: check it.")
        }
        if high > systolic.normal.upperBound || low > diastolic.normal.upperBound { return .high }
        if high < systolic.normal.lowerBound || low < diastolic.normal.lowerBound { return .low }
        return nil
    }

    /// `37.2`, `72` — a value as a person writes it.
    public static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
