import Foundation

/// What a receptionist typed in the one search box, classified by its shape.
public enum PatientQuery: Hashable, Sendable {
    /// Nothing typed.
    case empty
    /// Name tokens, normalised, matched as prefixes in any order (`sm jo` → John Smith).
    case name(tokens: [String])
    /// Only digits (and phone punctuation): a phone fragment or an MRN serial number.
    case digits(String)
    /// A date: the date of birth.
    case birthDate(CalendarDate)
    /// `#KD3-000417` or an MRN typed in full: exact MRN.
    case mrn(String)

    /// Classifies typed text. A `#` prefix forces MRN; a complete date is a date of birth;
    /// digits with phone punctuation are a phone fragment or MRN serial; anything else is a name.
    public static func parse(_ input: String, dateOrder: DateOrder = .dayMonthYear) -> PatientQuery {
        let text = input.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .empty }
        if text.hasPrefix("#") {
            let rest = text.dropFirst().trimmingCharacters(in: .whitespaces).uppercased()
            return rest.isEmpty ? .empty : .mrn(rest)
        }
        if let mrn = MRN(text), text.contains("-") { return .mrn(mrn.description) }
        if let date = DateInput.parse(text, order: dateOrder) { return .birthDate(date) }
        let phoneCharacters: Set<Character> = [" ", "-", "+", "(", ")", "."]
        if text.contains(where: { PhoneNumber.decimalDigit($0) != nil }),
           text.allSatisfy({ PhoneNumber.decimalDigit($0) != nil || phoneCharacters.contains($0) }) {
            return .digits(String(text.compactMap { PhoneNumber.decimalDigit($0) }))
        }
        let tokens = SearchKey.tokens(of: text)
        return tokens.isEmpty ? .empty : .name(tokens: tokens)
    }
}
