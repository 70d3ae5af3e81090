import ClinicCore
import ClinicData
import Foundation

/// Draws realistic, reproducible patients: names from `data/names` in five scripts,
/// ages, phones, addresses, emergency contacts and allergies.
struct DemoPeople {
    private var random: SplitMix64
    private let lists: [(list: NameList, weight: Int)]
    private let totalWeight: Int
    let today: CalendarDate

    init(seed: UInt64, today: CalendarDate) {
        random = SplitMix64(state: seed)
        lists = [
            (NameList.embedded(.latin), 40), (NameList.embedded(.arabic), 15), (NameList.embedded(.devanagari), 15),
            (NameList.embedded(.cjk), 15), (NameList.embedded(.vietnamese), 15),
        ]
        totalWeight = lists.reduce(0) { $0 + $1.weight }
        self.today = today
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// One person: names of one script, sex matching the given name's list.
    mutating func details() -> PatientDetails {
        var roll = int(1...totalWeight)
        var chosen = lists[0].list
        for entry in lists {
            roll -= entry.weight
            if roll <= 0 { chosen = entry.list; break }
        }
        let female = chance(52)
        let given = female ? pick(chosen.female) : pick(chosen.male)
        let family = pick(chosen.family)
        let years = chance(12) ? int(0...12) : int(13...95)
        let birth: BirthDate = chance(3)
            ? .estimated(ageInYears: years, today: today)
            : BirthDate(date: today.adding(days: -(years * 365 + int(0...364))))
        var details = PatientDetails(familyName: family, givenName: given, sex: female ? .female : .male, birthDate: birth)
        details.phone = phone()
        if chance(10) { details.alternatePhone = phone() }
        if chance(70) {
            details.address = Address(line: "\(int(1...250)) \(pick(Self.streets))", city: pick(Self.cities),
                                      postalCode: Digits.padded(int(1000...99999), 5))
        }
        if chance(30) {
            details.emergencyContact = EmergencyContact(name: "\(pick(chosen.female)) \(family)",
                                                        relationship: pick(["spouse", "parent", "child", "sibling"]), phone: phone())
        }
        if chance(20) {
            details.identifiers = [PatientIdentifier(kind: "National ID", value: Digits.padded(int(1...999_999_999), 9))]
        }
        return details
    }

    /// A mobile number in one of a few national formats.
    mutating func phone() -> PhoneNumber? {
        let text = chance(70)
            ? "07" + Digits.padded(int(100...999), 3) + " " + Digits.padded(int(0...999_999), 6)
            : "+" + String(pick([33, 49, 91, 84, 966, 86])) + " " + Digits.padded(int(100...999), 3) + " "
                + Digits.padded(int(0...9_999_999), 7)
        return try? PhoneNumber(parsing: text)
    }

    /// The allergy status and allergies of one patient: about half asked with none, one in eight with some.
    mutating func allergies() -> (AllergyStatus, [ImportedAllergyDraft]) {
        let roll = int(1...100)
        if roll <= 12 {
            let count = chance(75) ? 1 : 2
            return (.recorded, (0..<count).map { _ in pick(Self.allergens) })
        }
        return roll <= 62 ? (.noKnownAllergies, []) : (.notAsked, [])
    }

    static let streets = ["High Street", "Station Road", "Church Lane", "Mill Road", "Park Avenue", "Rue de la Paix",
                          "Calle Mayor", "شارع النيل", "महात्मा गांधी मार्ग", "Đường Lê Lợi", "中山路"]
    static let cities = ["Riverside", "Northgate", "Eastbrook", "Lakeside", "Westford", "Hillview"]
    static let allergens: [ImportedAllergyDraft] = [
        .init(substance: "Penicillins", kind: .drugClass, reaction: "Anaphylaxis", severity: .severe),
        .init(substance: "Amoxicillin", kind: .drug, reaction: "Rash", severity: .moderate),
        .init(substance: "Sulfonamides", kind: .drugClass, reaction: "Hives", severity: .moderate),
        .init(substance: "Aspirin", kind: .drug, reaction: "Wheezing", severity: .moderate),
        .init(substance: "Ibuprofen", kind: .drug, reaction: "Stomach upset", severity: .mild),
        .init(substance: "Codeine", kind: .drug, reaction: "Nausea", severity: .mild),
        .init(substance: "Peanut", kind: .food, reaction: "Throat swelling", severity: .severe),
        .init(substance: "Latex", kind: .environmental, reaction: "Contact dermatitis", severity: .mild),
        .init(substance: "Iodinated contrast", kind: .drugClass, reaction: "Flushing", severity: .moderate),
    ]
}

/// An allergy drawn for a demo patient.
struct ImportedAllergyDraft {
    var substance: String
    var kind: AllergenKind
    var reaction: String
    var severity: AllergySeverity
}
