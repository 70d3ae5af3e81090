import ClinicCore
import Testing

/// The rules behind the desk's combined search forms: eight-digit dates, phone numbers in the
/// other form, MRNs without their dash.
@Suite("Desk form rules")
struct DeskFormRuleTests {
    @Test(arguments: [
        ("25031982", DateOrder.dayMonthYear, "1982-03-25"), ("19820325", .dayMonthYear, "1982-03-25"),
        ("03251982", .monthDayYear, "1982-03-25"), ("19820325", .monthDayYear, "1982-03-25"),
        ("01021990", .dayMonthYear, "1990-02-01"), ("01021990", .monthDayYear, "1990-01-02"),
        ("20010315", .dayMonthYear, "2001-03-15"),
    ])
    func eightDigitsReadAsADateInTheClinicsOrderOrYearFirst(_ text: String, _ order: DateOrder, _ expected: String) {
        #expect(DateInput.parseCompact(text, order: order)?.description == expected)
    }

    @Test func eightDigitsThatAreNoDateAreNotRead() {
        for text in ["31021982", "12345678", "25131982", "01011799", "2503198", "250319820", "25-03-19", "2503198x"] {
            #expect(DateInput.parseCompact(text, order: .dayMonthYear) == nil, "\(text)")
        }
    }

    @Test func aNationalAndAnInternationalNumberAreTheSameLine() throws {
        func phone(_ text: String) throws -> PhoneNumber { try PhoneNumber(parsing: text) }
        let national = try phone("07752 413668")
        #expect(national.isOtherForm(of: try phone("+44 7752 413668")))
        #expect(try phone("+44 7752 413668").isOtherForm(of: national), "symmetric")
        #expect(try phone("0612345678").isOtherForm(of: try phone("+33 6 12 34 56 78")))
        #expect(try phone("0612345678").isOtherForm(of: try phone("+1 612345678")), "a one-digit country code")
        #expect(try phone("0612345678").isOtherForm(of: try phone("+966 612345678")), "a three-digit country code")
        #expect(!(try phone("0612345678").isOtherForm(of: try phone("+1234 612345678"))), "no code has four digits")
        #expect(!(try phone("0612345678").isOtherForm(of: try phone("612345678"))), "no country code at all")
        #expect(!national.isOtherForm(of: try phone("+44 7752 413669")))
        #expect(!national.isOtherForm(of: national), "the same form is compared by digits, not here")
        #expect(!(try phone("00447752413668").isOtherForm(of: try phone("+44 7752 413668"))), "00 is no trunk prefix")
    }

    @Test func candidatesInTheOtherFormShareTheNationalNumber() throws {
        func phone(_ text: String) throws -> PhoneNumber { try PhoneNumber(parsing: text) }
        #expect(try phone("07752 413668").digitsInEveryOtherForm == "7752413668")
        #expect(try phone("+44 7752 413668").digitsInEveryOtherForm == "752413668", "after the longest country code")
        #expect(try phone("+44 123456").digitsInEveryOtherForm == "123456")
        #expect(try phone("123456").digitsInEveryOtherForm == nil, "no trunk 0")
        #expect(try phone("012345").digitsInEveryOtherForm == nil, "too short to be a whole national number")
    }

    @Test func anMRNWithoutItsDashReadsEveryValidSplit() {
        func mrn(_ prefix: String, _ serial: Int) -> MRN { MRN(prefix: prefix, serial: serial) }
        #expect(MRN.readings(ofUndashed: "rfc2046") == [mrn("RFC", 2046), mrn("RFC2", 46)])
        #expect(MRN.readings(ofUndashed: "KD3417") == [mrn("KD", 3417), mrn("KD3", 417), mrn("KD34", 17)])
        #expect(MRN.readings(ofUndashed: "RFC 2046") == [mrn("RFC", 2046)], "a space stands for the dash")
        #expect(MRN.readings(ofUndashed: "kd3 000417") == [mrn("KD3", 417)])
        #expect(MRN.readings(ofUndashed: "rfc") == [], "no serial")
        #expect(MRN.readings(ofUndashed: "nguyen 2") == [], "a prefix has at most four characters")
        #expect(MRN.readings(ofUndashed: "3kd417") == [], "a prefix starts with a letter")
        #expect(MRN.readings(ofUndashed: "rfc 20a6") == [])
        #expect(MRN.readings(ofUndashed: "rfc12345678901") == [], "a serial has at most nine digits")
    }
}
