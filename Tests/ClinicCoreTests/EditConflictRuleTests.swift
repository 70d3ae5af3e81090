import ClinicCore
import Foundation
import Testing

@Suite("Edit conflict rule")
struct EditConflictRuleTests {
    let base = PatientDetails(familyName: "Smith", givenName: "John", sex: .male,
                              phone: try? PhoneNumber(parsing: "07911 123456"), address: Address(line: "1 High St", city: "York"))

    @Test func onlyAFieldBothSidesChangedToDifferentValuesConflicts() throws {
        var edited = base
        edited.phone = try PhoneNumber(parsing: "07911 000001")
        edited.givenName = "Jon"
        var current = base
        current.phone = try PhoneNumber(parsing: "07911 000002")
        current.address.city = "Leeds"
        current.givenName = "Jon"
        #expect(EditConflicts.fields(base: base, edited: edited, current: current) == [.phone])
    }

    @Test func rebasingTakesUntouchedFieldsFromNowAndKeepsOrTakesConflictsAsChosen() throws {
        var edited = base
        edited.phone = try PhoneNumber(parsing: "07911 000001")
        edited.address.line = "2 Low St"
        var current = base
        current.phone = try PhoneNumber(parsing: "07911 000002")
        current.address.city = "Leeds"
        let keepMine = EditConflicts.rebase(base: base, edited: edited, current: current, takingTheirs: [])
        #expect(keepMine.phone?.normalized == "07911000001" && keepMine.address.line == "2 Low St" && keepMine.address.city == "Leeds")
        let takeTheirs = EditConflicts.rebase(base: base, edited: edited, current: current, takingTheirs: [.phone])
        #expect(takeTheirs.phone?.normalized == "07911000002" && takeTheirs.address.line == "2 Low St")
        #expect(EditConflicts.fields(base: current, edited: takeTheirs, current: current).isEmpty)
    }

    @Test func theMessageNamesTheFieldsAndThePatient() throws {
        let patient = Patient(id: EntityID(UUID()), mrn: MRN(prefix: "RVC", serial: 1), details: base, registeredAt: Date())
        let field = { (name: EditableField) in FieldConflict(field: name, base: "", yours: "", theirs: "", changedBy: nil, changedAt: nil) }
        #expect(EditConflict(current: patient, fields: [field(.phone), field(.city)]).description
                == "Not saved: someone else changed the phone and city of Smith, John since you opened the form.")
    }
}
