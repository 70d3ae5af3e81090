import ClinicCore
import Testing

/// How the desk's combined forms are read: a name with a date of birth, eight digits of a date,
/// a whole international number, an MRN without its dash.
@Suite("Search input: desk forms")
struct SearchFormInputTests {
    static let march25 = CalendarDate(year: 1982, month: 3, day: 25)!

    @Test func aNameWithOneCompleteDateIsANameAndADateOfBirth() {
        let expected = PatientQuery.nameAndBirthDate(tokens: ["nguyen"], birthDate: Self.march25)
        #expect(PatientQuery.parse("nguyen 1982-03-25") == expected)
        #expect(PatientQuery.parse("nguyen 25/3/1982") == expected)
        #expect(PatientQuery.parse("Nguyễn 25.03.1982") == expected)
        #expect(PatientQuery.parse("nguyen 25031982") == expected)
        #expect(PatientQuery.parse("nguyen 19820325") == expected)
        #expect(PatientQuery.parse("nguyen 3/25/1982", dateOrder: .monthDayYear) == expected)
        #expect(PatientQuery.parse("25/3/1982 thi nguyen")
            == .nameAndBirthDate(tokens: ["thi", "nguyen"], birthDate: Self.march25), "tokens on either side")
        #expect(PatientQuery.parse("1982-03-25  ") == .birthDate(Self.march25))
    }

    @Test func digitsThatAreNoDateStayPartOfTheName() {
        #expect(PatientQuery.parse("person 10") == .name(tokens: ["person", "10"]), "imported and placeholder names")
        #expect(PatientQuery.parse("nguyen 25/3") == .name(tokens: ["nguyen", "25", "3"]), "a date not yet complete")
        #expect(PatientQuery.parse("nguyen 3/25/1982") == .name(tokens: ["nguyen", "3", "25", "1982"]),
                "no date in a day-month-year clinic")
        #expect(PatientQuery.parse("nguyen 1982-03-25 1983-01-01")
            == .name(tokens: ["nguyen", "1982", "03", "25", "1983", "01", "01"]), "two dates are not one date of birth")
        #expect(PatientQuery.parse("person 10 1982-03-25")
            == .nameAndBirthDate(tokens: ["person", "10"], birthDate: Self.march25))
    }

    @Test func eightDigitsThatFormADateAreADateOfBirthAndDigits() {
        #expect(PatientQuery.parse("25031982") == .compactDate(Self.march25, digits: "25031982"))
        #expect(PatientQuery.parse("19820325") == .compactDate(Self.march25, digits: "19820325"))
        #expect(PatientQuery.parse("03251982", dateOrder: .monthDayYear) == .compactDate(Self.march25, digits: "03251982"))
        #expect(PatientQuery.parse("12345678") == .digits("12345678"))
        #expect(PatientQuery.parse("2503 1982") == .digits("25031982"), "with a space it is a phone fragment")
    }

    @Test func aWholeNumberAfterAPlusOrDoubleZeroIsInternational() {
        #expect(PatientQuery.parse("+44 7752 413668") == .internationalPhone("447752413668"))
        #expect(PatientQuery.parse("0044 7752 413668") == .internationalPhone("447752413668"))
        #expect(PatientQuery.parse("+44 (0)7752 413668") == .internationalPhone("447752413668"))
        #expect(PatientQuery.parse("+44 20") == .digits("4420"), "a short start stays a fragment")
        #expect(PatientQuery.parse("07752 413668") == .digits("07752413668"))
    }

    @Test func lettersRunIntoDigitsAreAnMRNWithoutItsDash() {
        func mrn(_ prefix: String, _ serial: Int) -> MRN { MRN(prefix: prefix, serial: serial) }
        #expect(PatientQuery.parse("rfc2046")
            == .undashedMRN([mrn("RFC", 2046), mrn("RFC2", 46)], nameTokens: ["rfc2046"]))
        #expect(PatientQuery.parse("RFC 2046") == .undashedMRN([mrn("RFC", 2046)], nameTokens: ["rfc", "2046"]))
        #expect(PatientQuery.parse("Baby 2") == .undashedMRN([mrn("BABY", 2)], nameTokens: ["baby", "2"]),
                "a placeholder name too")
        #expect(PatientQuery.parse("rfc-2046") == .mrn("RFC-002046"), "with its dash, as before")
        #expect(PatientQuery.parse("sm jo") == .name(tokens: ["sm", "jo"]))
    }
}
