import FrontDesk
import ClinicCore
import Testing

@Suite("Board initials")
struct BoardInitialsTests {
    @Test(arguments: [
        ("Smith", "John", "S. J."),
        ("García", "José", "G. J."),
        ("Østergaard", "Søren", "Ø. S."),
        ("Nguyễn", "Thị Hương", "N. T."),
        ("de la Cruz", "ana maría", "D. A."),
        ("O'Brien", "Seán", "O. S."),
        ("王", "小明", "王 小"),
        ("محمد", "عبد الله", "م ع"),
        ("शर्मा", "अनिता", "श अ"),
        ("Ελευθερίου", "Νίκος", "Ε. Ν."),
    ])
    func theFirstLetterOfTheFamilyThenTheGivenName(family: String, given: String, initials: String) {
        #expect(PatientInitials.of(family: family, given: given) == initials)
    }

    @Test func oneNameGivesOneInitialAndNoNameNone() {
        #expect(PatientInitials.of(family: "", given: "Madonna") == "M.")
        #expect(PatientInitials.of(family: "Teller", given: " ") == "T.")
        #expect(PatientInitials.of(family: "", given: "") == "")
        #expect(BoardNames.initials.label(family: "", given: "") == nil)
    }

    @Test func namesAreInitialsUnlessAskedOtherwise() {
        #expect(BoardNames.initials.label(family: "Smith", given: "John") == "S. J.")
        #expect(BoardNames.full.label(family: "Smith", given: "John") == "Smith, John")
        #expect(BoardNames.none.label(family: "Smith", given: "John") == nil)
        #expect(BoardNames(rawValue: "initials") == .initials && BoardNames(rawValue: "loud") == nil)
    }
}
