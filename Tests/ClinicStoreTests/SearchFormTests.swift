import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

/// The forms receptionists type most often at the desk, each finding its patient.
@Suite("Patient search: desk forms")
struct SearchFormTests {
    static let people: [(String, String, String?, String?)] = [
        ("Nguyễn", "Thị Hương", "07752 413668", "1982-03-25"), ("Nguyen", "Van An", "0912 345 678", "1990-07-14"),
        ("Brown", "Alice", "+33 6 12 34 56 78", "1982-03-25"), ("Nguyen", "Minh", "+44 7752 413668", "1975-01-30"),
        ("Abara", "Ngozi", "0800 25031982", "1969-12-24"), ("Okafor", "Zoe", "0700 25031982", "1982-03-25"),
    ]

    func names(_ text: String, _ fixture: StoreFixture, order: DateOrder = .dayMonthYear) throws -> [String] {
        try fixture.store.searchPatients(text: text, dateOrder: order).map(\.displayName)
    }

    @Test func nameWithADateOfBirthFindsThePatientBornThatDay() throws {
        let fixture = try SearchTests.registered(Self.people)
        #expect(try names("nguyen 1982-03-25", fixture) == ["Nguyễn, Thị Hương"])
        #expect(try names("nguyen 25/3/1982", fixture) == ["Nguyễn, Thị Hương"])
        #expect(try names("25.03.1982 huong ng", fixture) == ["Nguyễn, Thị Hương"], "date first, tokens in any order")
        #expect(try names("nguyen 25031982", fixture) == ["Nguyễn, Thị Hương"], "a compact date")
        #expect(try names("nguyen 3/25/1982", fixture, order: .monthDayYear) == ["Nguyễn, Thị Hương"])
        #expect(try names("nguyen 3/25/1982", fixture).isEmpty, "not a date in a day-month-year clinic")
        #expect(try names("nguyen 1990-07-14", fixture) == ["Nguyen, Van An"])
        #expect(try names("nguyen 1982-03-26", fixture).isEmpty, "a different date of birth is a different person")
        #expect(try names("brown 1982-03-25", fixture) == ["Brown, Alice"])
    }

    @Test func anInternationalNumberFindsItsNationalFormAndBack() throws {
        let fixture = try SearchTests.registered(Self.people)
        #expect(try names("+44 7752 413668", fixture) == ["Nguyen, Minh", "Nguyễn, Thị Hương"],
                "stored as typed first, then stored in national form")
        #expect(try names("0044 7752 413668", fixture) == ["Nguyen, Minh", "Nguyễn, Thị Hương"])
        #expect(try names("+44 (0)7752 413668", fixture) == ["Nguyen, Minh", "Nguyễn, Thị Hương"])
        #expect(try names("07752 413668", fixture) == ["Nguyễn, Thị Hương", "Nguyen, Minh"])
        #expect(try names("06 12 34 56 78", fixture) == ["Brown, Alice"], "stored +33 6 12 34 56 78")
        #expect(try names("+33 612 345 678", fixture) == ["Brown, Alice"])
        #expect(try names("+44 7752 413667", fixture).isEmpty)
        #expect(try names("+1234 7752 413668", fixture).isEmpty, "a country code has at most three digits")
    }

    @Test func aLongFragmentFindsOnlyNumbersHoldingItWhole() throws {
        let fixture = try SearchTests.registered(Self.people + [("Decoy", "Dora", "0678 111 345", nil)])
        #expect(PatientSearch.phoneMatch("345678") == "\"678\" \"345\"", "its trigrams apart, not as a phrase")
        #expect(try names("345678", fixture) == ["Brown, Alice", "Nguyen, Van An"], "0678 111 345 holds 678 and 345 apart")
        #expect(try names("0912 345 678", fixture) == ["Nguyen, Van An"])
        #expect(try names("345", fixture) == ["Brown, Alice", "Decoy, Dora", "Nguyen, Van An"])
    }

    @Test func eightDigitsThatFormADateAreADateOfBirthFirst() throws {
        let fixture = try SearchTests.registered(Self.people)
        #expect(try names("25031982", fixture) == ["Brown, Alice", "Nguyễn, Thị Hương", "Okafor, Zoe", "Abara, Ngozi"],
                "born that day in name order, then phones containing the digits, nobody twice")
        #expect(try names("19820325", fixture) == ["Brown, Alice", "Nguyễn, Thị Hương", "Okafor, Zoe"])
        #expect(try names("03251982", fixture, order: .monthDayYear)
            == ["Brown, Alice", "Nguyễn, Thị Hương", "Okafor, Zoe"])
        #expect(try names("24121969", fixture) == ["Abara, Ngozi"])
        #expect(try names("31021982", fixture).isEmpty, "31 February is no date, and no phone has the digits")
    }

    @Test func anMRNWithoutItsDashFindsThePatient() throws {
        let fixture = try SearchTests.registered(Self.people)
        #expect(try names("tst2", fixture) == ["Nguyen, Van An"])
        #expect(try names("TST 2", fixture) == ["Nguyen, Van An"])
        #expect(try names("tst000004", fixture) == ["Nguyen, Minh"])
        #expect(try names("Tst 000004", fixture) == ["Nguyen, Minh"])
        #expect(try names("tst9", fixture).isEmpty)
        let twin = PatientDetails(familyName: "Baby", givenName: "Twin 2")
        _ = try fixture.store.registerPatient(twin, by: fixture.receptionist)
        #expect(try names("baby 2", fixture) == ["Baby, Twin 2"], "no BABY-000002, but a placeholder name")
        #expect(try names("tst 7", fixture) == ["Baby, Twin 2"], "the seventh registration")
    }
}
