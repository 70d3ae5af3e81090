import Foundation

/// What a receptionist typed in the one search box, classified by its shape.
public enum PatientQuery: Hashable, Sendable {
    /// Nothing typed.
    case empty
    /// Name tokens, normalised, matched as prefixes in any order (`sm jo` → John Smith).
    case name(tokens: [String])
    /// Name tokens with one complete date of birth among them, in any position and any accepted
    /// form (`nguyen 25/3/1982`, `1982-03-25 thi nguyen`, `nguyen 25031982`): patients born that
    /// day whose names match the tokens.
    case nameAndBirthDate(tokens: [String], birthDate: CalendarDate)
    /// Only digits (and phone punctuation): a phone fragment or an MRN serial number.
    case digits(String)
    /// Eight digits that read as a date (`25031982`, `19820325`; see ``DateInput/parseCompact(_:order:)``):
    /// patients born that day first, then the digits as ``digits(_:)`` finds them.
    case compactDate(CalendarDate, digits: String)
    /// A whole phone number in international form (`+44 7752 413668`, `0044 7752 413668`,
    /// `+44 (0)7752 413668`): its digits from the country code on. Matched as a fragment, then
    /// against numbers stored in national form (`07752 413668`, see ``PhoneNumber/isOtherForm(of:)``).
    case internationalPhone(String)
    /// A date: the date of birth.
    case birthDate(CalendarDate)
    /// `#KD3-000417` or an MRN typed in full: exact MRN.
    case mrn(String)
    /// An MRN typed without its dash (`rfc2046`, `RFC 2046`): each of its readings
    /// (``MRN/readings(ofUndashed:)``) matched exactly, then names matching `nameTokens`, the
    /// text read as a name (`Baby 2` is a placeholder name as well as the MRN BABY-000002).
    case undashedMRN([MRN], nameTokens: [String])

    /// Classifies typed text. A `#` prefix forces MRN; a complete date is a date of birth; digits
    /// with phone punctuation are a phone number or fragment, an MRN serial, or eight digits of a
    /// date; a name may carry one complete date of birth; letters run into digits are an MRN
    /// without its dash; anything else is a name.
    public static func parse(_ input: String, dateOrder: DateOrder = .dayMonthYear) -> PatientQuery {
        let text = input.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .empty }
        if text.hasPrefix("#") {
            let rest = text.dropFirst().trimmingCharacters(in: .whitespaces).uppercased()
            return rest.isEmpty ? .empty : .mrn(rest)
        }
        if let mrn = MRN(text), text.contains("-") { return .mrn(mrn.description) }
        if let date = DateInput.parse(text, order: dateOrder) { return .birthDate(date) }
        if let number = number(text, dateOrder: dateOrder) { return number }
        return words(text, dateOrder: dateOrder)
    }
}
