import ClinicCore
import ClinicStore
import Foundation

/// A reproducible mix of what receptionists type, drawn from real rows of the database: the
/// classic kinds (a name, a phone fragment, a date of birth, an MRN) and the combined forms
/// typed most at the desk (a name with its date of birth, a whole number in the other form than
/// the one stored, eight digits of a date, an MRN without its dash).
struct QueryMix {
    var kind: String
    var text: String
    /// The patient the query was drawn from.
    var patient: EntityID<Patient>

    /// The widest kind name, for aligned output.
    static let kindWidth = 13

    /// The country codes the demo generator gives international numbers (`DemoPeople.phone()`),
    /// so a stored `+966 …` can be typed in national form.
    static let demoCountryCodes = ["966", "33", "49", "91", "84", "86"]

    /// A query's kind and text.
    typealias Drawn = (kind: String, text: String)

    static func make(store: ClinicStore, count: Int, seed: UInt64) throws -> [QueryMix] {
        var random = SplitMix64(state: seed ^ 0x5EA7C4)
        let total = try store.searchPatients(text: "#RFC-000001").isEmpty ? 0 : try countPatients(store)
        guard total > 0 else { return [] }
        var mix: [QueryMix] = []
        while mix.count < count {
            let serial = Int.random(in: 1...total, using: &random)
            guard let summary = try store.searchPatients(text: "#RFC-\(Digits.padded(serial, 6))").first else { continue }
            if let (kind, text) = query(for: summary, roll: Int.random(in: 1...100, using: &random), using: &random) {
                mix.append(QueryMix(kind: kind, text: text, patient: summary.id))
            }
        }
        return mix
    }

    /// One query about `summary`, of the kind `roll` (1–100) picks; nil when the patient lacks what it needs.
    static func query(for summary: PatientSummary, roll: Int, using random: inout SplitMix64) -> Drawn? {
        switch roll {
        case 1...35:
            return ("name", nameFragment(summary, upTo: 3, using: &random))
        case 36...50:
            guard let digits = summary.phone?.digits, digits.count >= 6 else { return nil }
            let length = Int.random(in: 4...6, using: &random)
            let start = Int.random(in: 0...(digits.count - length), using: &random)
            return ("phone", String(Array(digits)[start..<(start + length)]))
        case 51...62:
            guard let date = summary.birthDate?.date else { return nil }
            let text = Bool.random(using: &random) ? date.description : "\(date.day)/\(date.month)/\(date.year)"
            return ("birth", text)
        case 63...74:
            return ("mrn", Bool.random(using: &random) ? "#\(summary.mrn)" : String(summary.mrn.serial))
        case 75...81:
            guard let date = summary.birthDate?.date, !summary.birthDate!.isEstimated else { return nil }
            let name = nameFragment(summary, upTo: 2, using: &random)
            let written = [date.description, "\(date.day)/\(date.month)/\(date.year)", compact(date, yearFirst: false)]
            let when = written[Int.random(in: 0..<written.count, using: &random)]
            return ("name+dob", Int.random(in: 1...4, using: &random) == 1 ? when + " " + name : name + " " + when)
        case 82...88:
            guard let phone = summary.phone else { return nil }
            return otherForm(of: phone, using: &random)
        case 89...94:
            guard let date = summary.birthDate?.date else { return nil }
            return ("compact-date", compact(date, yearFirst: Bool.random(using: &random)))
        default:
            let mrn = summary.mrn
            let written = [mrn.prefix.lowercased() + String(mrn.serial), mrn.prefix + " " + String(mrn.serial),
                           mrn.prefix + Digits.padded(mrn.serial, 6)]
            return ("mrn-compact", written[Int.random(in: 0..<written.count, using: &random)])
        }
    }

    /// Prefixes of up to `count` of the patient's name tokens, shuffled.
    static func nameFragment(_ summary: PatientSummary, upTo count: Int, using random: inout SplitMix64) -> String {
        var tokens = SearchKey.tokens(of: summary.familyName + " " + summary.givenName)
        tokens.shuffle(using: &random)
        let used = tokens.prefix(Int.random(in: 1...min(count, tokens.count), using: &random))
        let prefixes = used.map { token in
            String(token.prefix(Int.random(in: 1...max(1, min(5, token.count)), using: &random)))
        }
        return prefixes.joined(separator: " ")
    }

    /// `25031982` or `19820325`.
    static func compact(_ date: CalendarDate, yearFirst: Bool) -> String {
        let day = Digits.padded(date.day, 2), month = Digits.padded(date.month, 2), year = Digits.padded(date.year, 4)
        return yearFirst ? year + month + day : day + month + year
    }

    /// The stored number as typed in the other form: a national `07752 413668` as
    /// `+44 7752 413668` (or `0044 …`, `+44 (0)7752 …`); an international one in national form.
    static func otherForm(of phone: PhoneNumber, using random: inout SplitMix64) -> Drawn? {
        let digits = phone.digits
        if phone.isInternational {
            guard let code = demoCountryCodes.first(where: { digits.hasPrefix($0) }) else { return nil }
            let national = "0" + digits.dropFirst(code.count)
            return ("natl-phone", String(national.prefix(4)) + " " + national.dropFirst(4))
        }
        guard digits.hasPrefix("0") else { return nil }
        let number = digits.dropFirst()
        let written = ["+44 " + number.prefix(4) + " " + number.dropFirst(4), "0044 " + number, "+44 (0)" + number]
        return ("intl-phone", written[Int.random(in: 0..<written.count, using: &random)])
    }

    private static func countPatients(_ store: ClinicStore) throws -> Int {
        var low = 1
        var high = 10_000_000
        while low < high {  // binary search on MRN serials: the bench uses only the public API
            let mid = (low + high + 1) / 2
            if try store.searchPatients(text: "#RFC-\(Digits.padded(mid, 6))").isEmpty { high = mid - 1 } else { low = mid }
        }
        return low
    }
}
