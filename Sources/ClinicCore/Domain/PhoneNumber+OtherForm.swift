extension PhoneNumber {
    /// The fewest digits a national number has after its trunk `0`, for matching across forms.
    public static let shortestNationalNumber = 6

    /// The longest country code: E.164 codes have one to three digits.
    public static let longestCountryCode = 3

    /// Whether this number is `other` written in the other form, with no country configured:
    /// one is national (a single trunk `0`, then the national number: `07752 413668`) and the other
    /// international (`+`, a one- to three-digit country code, then the same national number:
    /// `+44 7752 413668`). Symmetric; two numbers in the same form never match here (compare
    /// their digits instead).
    public func isOtherForm(of other: PhoneNumber) -> Bool {
        switch (isInternational, other.isInternational) {
        case (true, false): PhoneNumber.sameLine(national: other.digits, international: digits)
        case (false, true): PhoneNumber.sameLine(national: digits, international: other.digits)
        default: false
        }
    }

    /// Digits that every number in the other form of this one contains, for finding candidates
    /// by fragment before checking them with ``isOtherForm(of:)``; nil when no number can be.
    ///
    /// For `07752 413668`, `7752413668`. For `+44 7752 413668`, `752413668`: the national
    /// number after the longest country code, which the national form of any shorter code contains.
    public var digitsInEveryOtherForm: String? {
        if isInternational {
            let national = max(PhoneNumber.shortestNationalNumber, digits.count - PhoneNumber.longestCountryCode)
            return digits.count > national ? String(digits.suffix(national)) : nil
        }
        return PhoneNumber.nationalNumber(ofNational: digits)
    }

    /// Whether the number was written with a leading `+`.
    public var isInternational: Bool { normalized.hasPrefix("+") }

    private static func sameLine(national: String, international: String) -> Bool {
        guard let number = nationalNumber(ofNational: national), international.hasSuffix(number) else { return false }
        return (1...longestCountryCode).contains(international.count - number.count)
    }

    /// The national number after a single trunk `0` (`07752413668` → `7752413668`), or nil.
    private static func nationalNumber(ofNational digits: String) -> String? {
        guard digits.hasPrefix("0"), !digits.hasPrefix("00"), digits.count > shortestNationalNumber else { return nil }
        return String(digits.dropFirst())
    }
}
