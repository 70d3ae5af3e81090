import Foundation

extension PatientQuery {
    /// Characters people type inside phone numbers.
    static let phoneCharacters: Set<Character> = [" ", "-", "+", "(", ")", "."]

    /// Digits with phone punctuation: a whole international number, eight digits of a date, or
    /// digits; nil when `text` holds anything else.
    static func number(_ text: String, dateOrder: DateOrder) -> PatientQuery? {
        guard text.contains(where: { PhoneNumber.decimalDigit($0) != nil }),
              text.allSatisfy({ PhoneNumber.decimalDigit($0) != nil || phoneCharacters.contains($0) })
        else { return nil }
        let digits = String(text.compactMap { PhoneNumber.decimalDigit($0) })
        if let international = internationalDigits(text, digits: digits) { return .internationalPhone(international) }
        if text.count == 8, let date = DateInput.parseCompact(digits, order: dateOrder) {
            return .compactDate(date, digits: digits)
        }
        return .digits(digits)
    }

    /// The digits after a leading `+` or `00` when they make a whole number: a country code and
    /// at least ``PhoneNumber/shortestNationalNumber`` more digits, at most fifteen in all.
    /// Shorter ones (`+44 20`) stay fragments.
    static func internationalDigits(_ text: String, digits: String) -> String? {
        let international: String
        if text.hasPrefix("+") {
            // `+44 (0)7752 413668`: the trunk 0 written in brackets is not dialled from abroad.
            let unbracketed = text.replacingOccurrences(of: "(0)", with: "")
            international = String(unbracketed.compactMap { PhoneNumber.decimalDigit($0) })
        } else if digits.hasPrefix("00") {
            international = String(digits.dropFirst(2))
        } else {
            return nil
        }
        let whole = (1 + PhoneNumber.shortestNationalNumber)...PhoneNumber.digitRange.upperBound
        return whole.contains(international.count) ? international : nil
    }

    /// Words: a name, perhaps with one date of birth among them, or an MRN without its dash.
    /// Digits that are no date stay name tokens: imported and placeholder names carry them (`Baby 2`).
    static func words(_ text: String, dateOrder: DateOrder) -> PatientQuery {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let dates = words.compactMap { DateInput.parseAny($0, order: dateOrder) }
        let tokens = SearchKey.tokens(of: text)
        if dates.count == 1 {
            let nameWords = words.filter { DateInput.parseAny($0, order: dateOrder) == nil }
            let nameTokens = SearchKey.tokens(of: nameWords.joined(separator: " "))
            if nameTokens.isEmpty { return .birthDate(dates[0]) }
            return .nameAndBirthDate(tokens: nameTokens, birthDate: dates[0])
        }
        let readings = MRN.readings(ofUndashed: text)
        if !readings.isEmpty { return .undashedMRN(readings, nameTokens: tokens) }
        return tokens.isEmpty ? .empty : .name(tokens: tokens)
    }
}
