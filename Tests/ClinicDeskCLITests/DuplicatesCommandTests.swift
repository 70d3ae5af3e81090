import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk duplicates scan`: the pairs a person should look at, across the whole clinic.
@Suite("clinicdesk duplicates scan", .serialized)
struct DuplicatesCommandTests {
    @Test func likelyPairsAreListedWithTheirScoreAndReasonsAndOthersAreNot() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("clinic.sqlite")
        try runner.run(["init", "--clinic", "Hillview Clinic", "--admin", "ada", "--mrn-prefix", "hv", "--password-stdin", "--db", db],
                       input: "password-1\n")
        let store = try ClinicStore.open(at: db)
        func register(_ family: String, _ given: String, _ born: String?, phone: String? = nil) throws {
            _ = try store.registerPatient(PatientDetails(familyName: family, givenName: given,
                                                         birthDate: born.map { BirthDate(date: CalendarDate(iso: $0)!) },
                                                         phone: try phone.map { try PhoneNumber(parsing: $0) }), by: .system("test"))
        }
        try register("Smith", "John", "1980-05-02")          // HV-000001
        try register("Lee", "Ann", "1990-01-01", phone: "0612 345 678")
        try register("Okafor", "Ada", "1975-03-03")
        try register("Smyth", "John", "1980-05-09")          // HV-000004: sounds alike, a week apart
        try register("Mensah", "Kofi", "2001-07-07", phone: "0612 345 678")  // HV-000005: Lee's phone
        try register("Okafor", "Chidi", "1975-09-09")        // same family, another person
        let result = try runner.run(["duplicates", "scan", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("2 likely duplicate pairs among 6 patients") == true, "\(result.output)")
        #expect(lines.contains { $0.contains("HV-000001 Smith, John  ~  HV-000004 Smyth, John") && $0.contains("date of birth 7 days apart") },
                "\(result.output)")
        #expect(lines.contains { $0.contains("HV-000002 Lee, Ann  ~  HV-000005 Mensah, Kofi") && $0.contains("same phone") })
        #expect(!result.output.contains("Chidi"), "same family name, another person")

        let csv = try runner.run(["duplicates", "scan", "--csv", "--limit", "1", "--as", "ada", "--password-stdin", "--db", db],
                                 input: "password-1\n")
        let rows = csv.output.split(separator: "\n")
        #expect(rows.first == "score,mrn,name,born,other mrn,other name,other born,why" && rows.count == 2, "\(csv.output)")
        try runner.run(["user", "add", "rosa", "--role", "receptionist", "--as", "ada", "--password-stdin", "--db", db],
                       input: "password-1\nrosa-password\n")
        let refused = try runner.run(["duplicates", "scan", "--as", "rosa", "--password-stdin", "--db", db], input: "rosa-password\n")
        #expect(refused.error == "Error: A receptionist may not look for and merge duplicate patient records.\n")
    }
}
