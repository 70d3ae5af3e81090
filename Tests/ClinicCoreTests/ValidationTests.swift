import ClinicCore
import Foundation
import Testing

@Suite("Validation")
struct ValidationTests {
    let today = CalendarDate(year: 2026, month: 11, day: 21)!

    @Test(arguments: ["José", "محمد عبد الله", "अनिता", "王", "Nguyễn Thị Hương", "O'Brien-Smith", "Ó Súilleabháin"])
    func acceptsNamesInAnyScript(_ name: String) {
        #expect(NameRule.problem(with: NameRule.tidy(name), label: "family name") == nil)
    }

    @Test func rejectsEmptyLongControlAndLetterlessNames() {
        #expect(NameRule.problem(with: "", label: "family name") == "Family name is required.")
        #expect(NameRule.problem(with: NameRule.tidy("   "), label: "given name") == "Given name is required.")
        #expect(NameRule.problem(with: String(repeating: "ä", count: 100), label: "family name") == nil)
        #expect(NameRule.problem(with: String(repeating: "ä", count: 101), label: "family name")
            == "Family name is 101 characters long; at most 100 are allowed.")
        #expect(NameRule.problem(with: "Sm\u{7}ith", label: "family name")?.contains("control character") == true)
        #expect(NameRule.problem(with: "1234", label: "family name") == "Family name “1234” has no letters.")
    }

    @Test func tidyCollapsesSpacesAndComposes() {
        #expect(NameRule.tidy("  Jose\u{301}   María ") == "José María")
    }

    @Test(arguments: [
        ("+44 20 7946 0958", "+442079460958"), ("020-7946-0958", "02079460958"), ("(020) 7946 0958", "02079460958"),
        ("٠٢٠٧٩٤٦٠٩٥٨", "02079460958"), ("0791.234.567", "0791234567"),
    ])
    func normalisesPhoneNumbers(_ input: String, _ expected: String) throws {
        #expect(try PhoneNumber(parsing: input).normalized == expected)
    }

    @Test func explainsWhyAPhoneNumberIsRejected() {
        #expect(throws: PhoneNumberError.invalidCharacter("a", input: "07912ab345")) { try PhoneNumber(parsing: "07912ab345") }
        #expect(throws: PhoneNumberError.misplacedPlus(input: "07+912345")) { try PhoneNumber(parsing: "07+912345") }
        #expect(throws: PhoneNumberError.wrongLength(digits: 4, input: "1234")) { try PhoneNumber(parsing: "1234") }
        #expect(throws: PhoneNumberError.wrongLength(digits: 16, input: "1234567890123456")) { try PhoneNumber(parsing: "1234567890123456") }
        #expect(PhoneNumberError.invalidCharacter("a", input: "07912ab345").description
            == "Phone number “07912ab345” contains “a”; use digits, spaces, dashes and a leading +.")
        #expect(PhoneNumberError.wrongLength(digits: 4, input: "1234").description
            == "Phone number “1234” has 4 digits; a phone number has 6 to 15.")
    }

    @Test func dateOfBirthIsNotInTheFutureNorOlderThan130Years() {
        #expect(BirthDateRule.problem(with: BirthDate(date: today.adding(days: 1)), today: today)
            == "Date of birth 2026-11-22 is in the future.")
        #expect(BirthDateRule.problem(with: BirthDate(date: today), today: today) == nil)
        #expect(BirthDateRule.problem(with: BirthDate(date: CalendarDate(year: 1896, month: 11, day: 21)!), today: today) == nil)
        #expect(BirthDateRule.problem(with: BirthDate(date: CalendarDate(year: 1896, month: 11, day: 20)!), today: today)
            == "Date of birth 1896-11-20 is more than 130 years ago.")
    }

    @Test func statedAgeBecomesAnEstimatedDateOfBirth() throws {
        let birth = try BirthDateRule.estimate(ageInYears: " 42 ", today: today).get()
        #expect(birth == BirthDate(date: CalendarDate(year: 1984, month: 11, day: 21)!, isEstimated: true))
        #expect(birth.age(on: today) == 42)
        #expect(birth.description == "~1984-11-21 (estimated)")
        #expect(throws: FieldProblem.self) { try BirthDateRule.estimate(ageInYears: "131", today: today).get() }
        #expect(throws: FieldProblem.self) { try BirthDateRule.estimate(ageInYears: "forty", today: today).get() }
        let leap = BirthDate.estimated(ageInYears: 1, today: CalendarDate(year: 2024, month: 2, day: 29)!)
        #expect(leap.date == CalendarDate(year: 2023, month: 2, day: 28)!)
    }

    @Test func formReportsEveryProblemByField() {
        var form = PatientForm()
        form.familyName = ""
        form.givenName = "Ana"
        form.sex = "q"
        form.birthDate = "31/02/1990"
        form.phone = "12ab"
        guard case let .failure(failure) = form.parse(today: today) else {
            Issue.record("an invalid form parsed")
            return
        }
        #expect(failure.message(for: .familyName) == "Family name is required.")
        #expect(failure.message(for: .sex) == "Sex “q” is not one of F, M, X or blank for unknown.")
        #expect(failure.message(for: .birthDate) == "Date of birth “31/02/1990” is not a date; type e.g. 1984-03-07 or 7/3/1984.")
        #expect(failure.message(for: .phone) == "Phone number “12ab” contains “a”; use digits, spaces, dashes and a leading +.")
        #expect(failure.message(for: .givenName) == nil)
    }

    @Test func formParsesAValidPatientWithAnAge() throws {
        var form = PatientForm()
        form.familyName = " Smith "
        form.givenName = "John"
        form.sex = "m"
        form.ageInYears = "30"
        form.phone = "0791 234 567"
        let details = try form.parse(today: today).get()
        #expect(details.familyName == "Smith")
        #expect(details.sex == .male)
        #expect(details.birthDate == BirthDate(date: CalendarDate(year: 1996, month: 11, day: 21)!, isEstimated: true))
        #expect(details.phone?.normalized == "0791234567")
        #expect(PatientForm(details).phone == "0791234567")
    }
}

@Suite("Dates")
struct CalendarDateTests {
    @Test func daysSinceEpochRoundTrips() {
        for days in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
    }

    @Test func rejectsImpossibleDates() {
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
        #expect(CalendarDate(iso: "24-01-01") == nil)
    }

    @Test func knowsTheWeekday() {
        #expect(CalendarDate(year: 2026, month: 11, day: 21)!.isoWeekday == 6)  // a Saturday
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.isoWeekday == 4)
        #expect(CalendarDate(year: 1969, month: 12, day: 29)!.isoWeekday == 1)
    }

    @Test(arguments: [("1984-03-07", DateOrder.dayMonthYear, "1984-03-07"), ("7/3/1984", .dayMonthYear, "1984-03-07"),
                      ("07.03.1984", .dayMonthYear, "1984-03-07"), ("3/7/1984", .monthDayYear, "1984-03-07")])
    func parsesTypedDates(_ text: String, _ order: DateOrder, _ expected: String) {
        #expect(DateInput.parse(text, order: order)?.description == expected)
    }

    @Test func instantsRoundTripAsISOText() {
        let date = Date(timeIntervalSince1970: 1_763_700_123.456)
        #expect(ISOInstant.format(date) == "2025-11-21T04:42:03.456Z")
        #expect(ISOInstant.parse(ISOInstant.format(date))!.timeIntervalSince1970 == 1_763_700_123.456)
        #expect(ISOInstant.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(ISOInstant.parse("yesterday") == nil)
    }
}

@Suite("Search input")
struct SearchInputTests {
    @Test(arguments: [
        ("José", "jose"), ("NGUYỄN Thị  Hương", "nguyen thi huong"), ("Đặng", "dang"), ("Søren Østergaard", "soren ostergaard"),
        ("مُحَمَّد", "محمد"), ("अनिता शर्मा", "अनिता शर्मा"), ("王小明", "王小明"), ("O'Brien", "o brien"),
        ("Jose\u{301}", "jose"), ("Łukasz Wiśniewski", "lukasz wisniewski"),
    ])
    func normalisesNamesForMatching(_ input: String, _ expected: String) {
        #expect(SearchKey.normalize(input) == expected)
    }

    @Test func classifiesWhatWasTyped() {
        #expect(PatientQuery.parse("sm jo") == .name(tokens: ["sm", "jo"]))
        #expect(PatientQuery.parse("  José ") == .name(tokens: ["jose"]))
        #expect(PatientQuery.parse("0791 234") == .digits("0791234"))
        #expect(PatientQuery.parse("+44 20") == .digits("4420"))
        #expect(PatientQuery.parse("1984-03-07") == .birthDate(CalendarDate(year: 1984, month: 3, day: 7)!))
        #expect(PatientQuery.parse("7/3/1984") == .birthDate(CalendarDate(year: 1984, month: 3, day: 7)!))
        #expect(PatientQuery.parse("7/3/1984", dateOrder: .monthDayYear) == .birthDate(CalendarDate(year: 1984, month: 7, day: 3)!))
        #expect(PatientQuery.parse("#rfc-000417") == .mrn("RFC-000417"))
        #expect(PatientQuery.parse("RFC-000417") == .mrn("RFC-000417"))
        #expect(PatientQuery.parse("#417") == .mrn("417"))
        #expect(PatientQuery.parse("   ") == .empty)
        #expect(PatientQuery.parse("--") == .empty)
    }

    @Test func fieldValuesRoundTripThroughTheirJSONText() {
        let values: [FieldValue] = [.null, .integer(-42), .real(1.5), .text("Say \"hi\"\n\\ ü 王 \u{1}")]
        for value in values {
            #expect(FieldValue(jsonText: value.jsonText) == value)
            let decoded = try? JSONDecoder().decode(FieldValue.self, from: Data(value.jsonText.utf8))
            #expect(decoded == value)
        }
        #expect(FieldValue.text("a\"b").jsonText == "\"a\\\"b\"")
    }
}

@Suite("Field values")
struct FieldValueTests {
    @Test func aWholeRealIsTheSameValueAsTheInteger() throws {
        #expect(FieldValue.real(2.0) == .integer(2))
        #expect(FieldValue.real(2.0).hashValue == FieldValue.integer(2).hashValue)
        #expect(FieldValue.real(2.0).jsonText == "2")
        #expect(FieldValue.real(2.5).jsonText == "2.5")
        let decoded = try JSONDecoder().decode(FieldValue.self, from: JSONEncoder().encode(FieldValue.real(2.0)))
        #expect(decoded == .integer(2) && decoded.jsonText == FieldValue.real(2.0).jsonText)
    }
}
