import ClinicCore
import ClinicStore
import Foundation
import Testing

/// Every role × every `clinicdesk` command that reads patient data or writes: allowed, or
/// refused with the reason, checked against the permission matrix; and a command refused
/// without `--as` or with a wrong password.
@Suite("clinicdesk commands by role", .serialized)
struct RoleCommandTests {
    enum Expected: Equatable {
        /// Exit 0.
        case allowed
        /// Past the permission check, then refused for another reason (no such conflict, no server).
        case permittedButFails
        /// Refused with this message.
        case refused(String)
    }

    struct Clinic {
        let runner: CommandRunner
        let db: String
        let patients: [Role: Patient]
        let code: String
        let tuesday: CalendarDate
    }

    func clinic() throws -> Clinic {
        let runner = try CommandRunner()
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "50", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let doctor = Author(user: try #require(try store.users().first { $0.username == "doctor" }))
        var patients: [Role: Patient] = [:]
        for role in Role.allCases {
            patients[role] = try store.registerPatient(PatientDetails(familyName: "Role", givenName: role.rawValue.capitalized),
                                                       by: .system("test"))
        }
        let first = try #require(patients[.admin])
        try store.recordNoKnownAllergies(patient: first.id, by: doctor)
        let prescription = try store.issuePrescription(patient: first.id, lines: [
            PrescriptionLine(drug: "paracetamol", strength: "500 mg", form: "tablet", quantity: "20",
                             sig: "Take 1 tablet by mouth every 6 hours when needed for pain"),
        ], by: doctor)
        for role in Role.allCases {
            for _ in 1...5 { _ = try store.signIn(username: "locked-\(role)", decoy: "decoy") { _ in false } }
        }
        let today = store.today()
        let tuesday = today.adding(days: ((2 - today.isoWeekday) + 7) % 7 + 35)
        return Clinic(runner: runner, db: db, patients: patients, code: prescription.verificationCode, tuesday: tuesday)
    }

    /// Each command with what every role should meet, from the permission matrix.
    func commands(_ clinic: Clinic, _ role: Role) -> [(arguments: [String], input: String, expected: Expected)] {
        let mrn = clinic.patients[role]!.mrn.description
        let minute = ["admin": "16:00", "receptionist": "16:15", "doctor": "16:30", "nurse": "16:45"][role.rawValue]!
        func needs(_ permission: Permission, orElse expected: Expected = .allowed) -> Expected {
            role.may(permission) ? expected : .refused("Error: A \(role) may not \(permission).\n")
        }
        return [
            (["user", "list"], "demo\n", needs(.manageUsers)),
            (["user", "add", "new-\(role)", "--role", "nurse"], "demo\nnew-password-\(role)\n", needs(.manageUsers)),
            (["user", "unlock", "locked-\(role)"], "demo\n", needs(.manageUsers)),
            (["user", "sessions"], "demo\n", needs(.manageUsers)),
            (["user", "sign-out-everywhere", "nurse"], "demo\n", needs(.manageUsers)),
            (["user", "role", "new-\(role)", "doctor"], "demo\n", needs(.manageUsers)),
            (["user", "disable", "new-\(role)"], "demo\n", needs(.manageUsers)),
            (["user", "enable", "new-\(role)"], "demo\n", needs(.manageUsers)),
            (["user", "reset-password", "new-\(role)"], "demo\n", needs(.manageUsers)),
            (["checkin", mrn], "demo\n", needs(.checkIn)),
            (["book", mrn, "--provider", "alvarez", "--at", "\(clinic.tuesday) \(minute)"], "demo\n", needs(.bookAppointment)),
            (["appointments", "--day", clinic.tuesday.description], "demo\n", .allowed),
            (["rx", "print", clinic.code, "--pdf", clinic.runner.path("slip-\(role).pdf")], "demo\n", .allowed),
            (["conflicts", "list"], "demo\n", needs(.resolveConflicts)),
            (["conflicts", "resolve", UUID().uuidString, "--keep", "local"], "demo\n", needs(.resolveConflicts, orElse: .permittedButFails)),
            (["enroll", "--server", "http://127.0.0.1:9", "--code", "AAAA-BBBB-CCCC"], "demo\n",
             needs(.enrollDevice, orElse: .permittedButFails)),
            (["audit", "show"], "demo\n", needs(.readAudit)),
            (["report", "cash-up"], "demo\n", needs(.takePayments)),
            (["report", "no-shows"], "demo\n", needs(.viewReports)),
            (["report", "utilisation"], "demo\n", needs(.viewReports)),
            (["export", "patients", "--csv", clinic.runner.path("patients-\(role).csv")], "demo\n", needs(.exportRecords)),
            (["export", "appointments", "--csv", clinic.runner.path("appointments-\(role).csv")], "demo\n", needs(.exportRecords)),
            // Last: every role may choose its own password.
            (["user", "password"], "demo\nnew-password-of-\(role)\n", .allowed),
        ]
    }

    @Test func everyRoleMeetsEveryCommandAsThePermissionMatrixSays() throws {
        let clinic = try clinic()
        defer { clinic.runner.remove() }
        for role in Role.allCases {
            for command in commands(clinic, role) {
                let result = try clinic.runner.run(command.arguments + ["--as", role.rawValue, "--password-stdin", "--db", clinic.db],
                                                   input: command.input)
                let what = "\(role): clinicdesk \(command.arguments.prefix(2).joined(separator: " "))"
                switch command.expected {
                case .allowed:
                    #expect(result.status == 0, "\(what) → \(result.error)")
                case .permittedButFails:
                    #expect(result.status != 0, "\(what)")
                    #expect(!result.error.contains(" may not ") && !result.error.contains("Wrong username"), "\(what) → \(result.error)")
                case let .refused(message):
                    #expect(result.status != 0, "\(what)")
                    #expect(result.error == message, "\(what)")
                }
            }
        }
    }

    @Test func aCommandActsOnlyForSomeoneWhoProvesWhoTheyAre() throws {
        let clinic = try clinic()
        defer { clinic.runner.remove() }
        let mrn = clinic.patients[.receptionist]!.mrn.description
        let nobody = try clinic.runner.run(["checkin", mrn, "--db", clinic.db])
        #expect(nobody.status != 0)
        #expect(nobody.error.contains("Missing expected argument '--as <as>'"), "\(nobody.error)")
        let wrong = try clinic.runner.run(["checkin", mrn, "--as", "doctor", "--password-stdin", "--db", clinic.db], input: "not-demo\n")
        #expect(wrong.error == "Error: Wrong username or password.\n")
        let unknown = try clinic.runner.run(["appointments", "--as", "mallory", "--password-stdin", "--db", clinic.db], input: "demo\n")
        #expect(unknown.error == "Error: Wrong username or password.\n")
        let noPassword = try clinic.runner.run(["user", "add", "eviladmin", "--role", "admin", "--db", clinic.db])
        #expect(noPassword.status != 0)
        #expect(noPassword.error.contains("--as"), "\(noPassword.error)")
        // Nothing was done by any of them.
        let store = try ClinicStore.open(at: clinic.db)
        #expect(try store.users().contains { $0.username == "eviladmin" } == false)
        #expect(try store.queueDay(on: store.today()).open.contains { $0.patientMRN.description == mrn } == false)
    }
}
