import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk book` and `clinicdesk appointments`, for scripts and phone systems.
@Suite("Booking commands", .serialized)
struct BookingCommandTests {
    /// A demo clinic, and a patient with no appointments to book for.
    func clinic() throws -> (CommandRunner, String, Patient) {
        let runner = try CommandRunner()
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "200", "--no-ui", "--db", db])
        let patient = try ClinicStore.open(at: db).registerPatient(PatientDetails(familyName: "Quispe", givenName: "Rosa"),
                                                                    by: .system("test"))
        return (runner, db, patient)
    }

    /// The next Tuesday after today, a day every demo provider works.
    func tuesday(_ db: String) throws -> String {
        let today = try ClinicStore.open(at: db).today()
        return today.adding(days: ((2 - today.isoWeekday) + 7) % 7 + 7).description
    }

    @Test func aFreeSlotIsBookedAndListed() throws {
        let (runner, db, patient) = try clinic()
        defer { runner.remove() }
        let day = try tuesday(db)
        let booked = try runner.run(["book", patient.mrn.description, "--provider", "alvarez", "--at", "\(day) 16:45",
                                     "--why", "Knee pain", "--as", "receptionist", "--password-stdin", "--db", db], input: "demo\n")
        #expect(booked.status == 0, "\(booked.error)")
        #expect(booked.output == "Booked Quispe, Rosa (\(patient.mrn)) with Dr José Álvarez on \(day) 16:45 for 15 min\n")
        let list = try runner.run(["appointments", "--day", day, "--provider", "Álvarez", "--csv", "--as", "receptionist", "--password-stdin",
                                   "--db", db], input: "demo\n")
        #expect(list.status == 0)
        #expect(list.output.hasPrefix("time,minutes,provider,patient,mrn,status,kind,mode,reason\n"))
        #expect(list.output.contains("16:45,15,Dr José Álvarez,\"Quispe, Rosa\",\(patient.mrn),booked,new,in-person,Knee pain\n"))
        let audit = try #require(try ClinicStore.open(at: db).auditEvents(limit: 1).first)
        #expect(audit.actor == "receptionist" && audit.action == "appointment.book")
    }

    @Test func aSlotWithProblemsIsRefusedWithTheReasonsUnlessADoctorOverbooksWithAReason() throws {
        let (runner, db, patient) = try clinic()
        defer { runner.remove() }
        let sunday = try ClinicStore.open(at: db).today().adding(days: 14 - (try ClinicStore.open(at: db).today().isoWeekday) % 7).description
        let arguments = ["book", patient.mrn.description, "--provider", "haddad", "--at", "\(sunday) 10:00", "--password-stdin", "--db", db]
        let refused = try runner.run(arguments + ["--as", "receptionist"], input: "demo\n")
        #expect(refused.status != 0)
        #expect(refused.error.contains("Not booked: The provider does not work on Sundays."))
        let notAllowed = try runner.run(arguments + ["--as", "receptionist", "--overbook", "--reason", "Only day she can come"], input: "demo\n")
        #expect(notAllowed.error.contains("A receptionist may not overbook a slot with problems."))
        let overbooked = try runner.run(arguments + ["--as", "doctor", "--overbook", "--reason", "Only day she can come"], input: "demo\n")
        #expect(overbooked.status == 0, "\(overbooked.error)")
        #expect(overbooked.output.hasSuffix("— overbooked: Only day she can come\n"))
        let wrong = try runner.run(arguments + ["--as", "doctor"], input: "not-the-password\n")
        #expect(wrong.error.contains("Wrong username or password."))
    }
}
