import ClinicCore
@testable import ClinicStore
import Foundation
import GRDB
import Testing

@Suite("Patient search")
struct SearchTests {
    static func registered(_ people: [(String, String, String?, String?)]) throws -> StoreFixture {
        let fixture = try StoreFixture()
        for (family, given, phone, birth) in people {
            try fixture.store.registerPatient(
                PatientDetails(familyName: family, givenName: given, birthDate: birth.map { BirthDate(date: CalendarDate(iso: $0)!) },
                               phone: try phone.map { try PhoneNumber(parsing: $0) }),
                by: fixture.receptionist)
        }
        return fixture
    }

    static let people: [(String, String, String?, String?)] = [
        ("Smith", "John", "07911 123456", "1980-05-02"), ("Smithson", "Joanna", "+44 20 7946 0958", "1975-01-30"),
        ("García", "José", "0612345678", "1990-07-14"), ("Jones", "Samuel", nil, nil), ("محمد", "عبد الله", "0501234567", nil),
        ("शर्मा", "अनिता", nil, "1988-11-02"), ("Nguyễn", "Thị Hương", "0912345678", nil), ("王", "小明", nil, nil),
    ]

    func names(_ text: String, _ fixture: StoreFixture) throws -> [String] {
        try fixture.store.searchPatients(text: text).map(\.displayName)
    }

    @Test func namesMatchByPrefixInAnyOrderAndCase() throws {
        let fixture = try Self.registered(Self.people)
        #expect(try names("sm jo", fixture) == ["Smith, John", "Smithson, Joanna"])
        #expect(try names("JOHN smith", fixture) == ["Smith, John"])
        #expect(try names("jo", fixture) == ["García, José", "Jones, Samuel", "Smith, John", "Smithson, Joanna"])
        #expect(try names("smith", fixture) == ["Smith, John", "Smithson, Joanna"], "exact name first")
    }

    @Test func diacriticsAndScriptsDoNotGetInTheWay() throws {
        let fixture = try Self.registered(Self.people)
        #expect(try names("jose", fixture) == ["García, José"])
        #expect(try names("garcia", fixture) == ["García, José"])
        #expect(try names("nguyen huong", fixture) == ["Nguyễn, Thị Hương"])
        #expect(try names("مُحَمَّد", fixture) == ["محمد, عبد الله"])
        #expect(try names("अनि", fixture) == ["शर्मा, अनिता"])
        #expect(try names("王", fixture) == ["王, 小明"])
    }

    @Test func phoneFragmentsMRNsAndDatesFindTheirPatient() throws {
        let fixture = try Self.registered(Self.people)
        #expect(try names("123456", fixture) == ["García, José", "Nguyễn, Thị Hương", "Smith, John", "محمد, عبد الله"])
        #expect(try names("7946 09", fixture) == ["Smithson, Joanna"])
        #expect(try names("#TST-000003", fixture) == ["García, José"])
        #expect(try names("tst-000003", fixture) == ["García, José"])
        #expect(try names("3", fixture) == ["García, José"], "a short number is an MRN serial")
        #expect(try names("1980-05-02", fixture) == ["Smith, John"])
        #expect(try names("2/5/1980", fixture) == ["Smith, John"])
        #expect(try names("nobody", fixture).isEmpty)
    }

    @Test func searchShowsWhatTellsPeopleApart() throws {
        let fixture = try Self.registered(Self.people)
        let john = try #require(try fixture.store.searchPatients(text: "john").first)
        #expect(john.mrn.description == "TST-000001")
        #expect(john.birthDate?.date.description == "1980-05-02")
        #expect(john.phone?.normalized == "07911123456")
        #expect(john.lastVisit == nil)
        try fixture.store.checkInWalkIn(patient: john.id, by: fixture.receptionist)
        #expect(try fixture.store.searchPatients(text: "john").first?.lastVisit == fixture.store.today())
    }

    @Test func editsKeepTheIndexInStep() throws {
        let fixture = try Self.registered(Self.people)
        let john = try #require(try fixture.store.patient(fixture.store.searchPatients(text: "john smith")[0].id))
        var edited = john.details
        edited.familyName = "Smyth"
        edited.phone = try PhoneNumber(parsing: "0800 555 777")
        try fixture.store.editPatient(john.id, from: john.details, to: edited, by: fixture.receptionist)
        #expect(try names("smyth", fixture) == ["Smyth, John"])
        #expect(try names("smith john", fixture).isEmpty)
        #expect(try names("555777", fixture) == ["Smyth, John"])
        #expect(try names("123456", fixture).contains("Smyth, John") == false)
    }

    @Test func searchInputCannotInjectFullTextSyntax() throws {
        let fixture = try Self.registered(Self.people)
        for text in ["\"", "smith\" OR \"a", "NEAR(", "*", "sm*th", "a AND b", "-", "()"] {
            _ = try fixture.store.searchPatients(text: text)
        }
        #expect(try names("smith\" OR \"garcia", fixture).isEmpty)
    }
}

@Suite("Patient name order")
struct NameOrderTests {
    /// Every patient's key follows (search name, id) order.
    static func keysAreInNameOrder(_ fixture: StoreFixture) throws -> Bool {
        let rows = try fixture.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name_order, search_name, id FROM patient ORDER BY name_order")
        }
        let names = rows.map { ($0["search_name"] as String, $0["id"] as String) }
        return zip(names, names.dropFirst()).allSatisfy { $0 < $1 }
    }

    @Test func manyPatientsWithOneNameStayInOrderAndSearchable() throws {
        let fixture = try StoreFixture()
        for _ in 0..<80 {  // more than the 32 halvings one gap allows: forces re-spreading
            try fixture.store.registerPatient(PatientDetails(familyName: "Smith", givenName: "John"), by: fixture.receptionist)
        }
        try fixture.store.registerPatient(PatientDetails(familyName: "Adams", givenName: "Zoe"), by: fixture.receptionist)
        try fixture.store.registerPatient(PatientDetails(familyName: "Smith", givenName: "Anna"), by: fixture.receptionist)
        #expect(try Self.keysAreInNameOrder(fixture))
        #expect(try fixture.store.searchPatients(text: "smith", limit: 500).count == 81)
        #expect(try fixture.store.searchPatients(text: "smith", limit: 2).map(\.displayName) == ["Smith, Anna", "Smith, John"])
        #expect(try fixture.store.integrityCheck() == ["ok"])
        let fts = try fixture.store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM patient_name_fts WHERE patient_name_fts MATCH 'smith'")
        }
        #expect(fts == 81, "the full-text index followed every re-spread")
    }

    @Test func renamingMovesThePatientInOrder() throws {
        let fixture = try StoreFixture()
        let zed = try fixture.store.registerPatient(PatientDetails(familyName: "Zed", givenName: "Amy"), by: fixture.receptionist)
        try fixture.store.registerPatient(PatientDetails(familyName: "Baker", givenName: "Amy"), by: fixture.receptionist)
        var renamed = zed.details
        renamed.familyName = "Able"
        try fixture.store.editPatient(zed.id, from: zed.details, to: renamed, by: fixture.receptionist)
        #expect(try fixture.store.searchPatients(text: "amy").map(\.displayName) == ["Able, Amy", "Baker, Amy"])
        #expect(try Self.keysAreInNameOrder(fixture))
    }

    @Test func exactNamesThenRecentlySeenThenEveryoneElse() throws {
        let fixture = try StoreFixture()
        for (family, given) in [("Jones", "Adam"), ("Johnson", "Beth"), ("Jo", "Ann"), ("Smith", "Jo")] {
            try fixture.store.registerPatient(PatientDetails(familyName: family, givenName: given), by: fixture.receptionist)
        }
        let beth = try fixture.store.searchPatients(text: "johnson beth")[0]
        try fixture.store.checkInWalkIn(patient: beth.id, by: fixture.receptionist)
        #expect(try fixture.store.searchPatients(text: "jo").map(\.displayName)
            == ["Johnson, Beth", "Jo, Ann", "Jones, Adam", "Smith, Jo"])
        #expect(try fixture.store.searchPatients(text: "jo smith").map(\.displayName) == ["Smith, Jo"])
        #expect(try fixture.store.searchPatients(text: "ann jo").map(\.displayName) == ["Jo, Ann"])
        fixture.clock.advance(by: 31 * 86_400)
        #expect(try fixture.store.searchPatients(text: "jo").map(\.displayName)
            == ["Jo, Ann", "Johnson, Beth", "Jones, Adam", "Smith, Jo"], "a visit 31 days ago is no longer recent")
    }
}
