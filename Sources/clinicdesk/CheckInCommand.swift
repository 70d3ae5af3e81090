import ArgumentParser
import ClinicCore
import ClinicStore

/// `clinicdesk checkin MRN --as USER`: checks a patient in from a script or a kiosk.
///
/// Uses today's appointment when the patient has one, otherwise checks them in as a walk-in.
/// Runs as the named user, whose role must allow checking in; the audit log records them.
struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin", abstract: "Check a patient in by MRN (today's appointment, or as a walk-in)."
    )

    @Argument(help: "The patient's MRN, e.g. RFC-000123.")
    var mrn: String

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        let user = try signedIn.user(in: store, may: .checkIn)
        guard let mrn = MRN(mrn), let patient = try store.searchPatients(.mrn(mrn.description)).first else {
            throw CommandFailure("No patient with MRN “\(self.mrn)”.")
        }
        let today = store.today()
        let appointment = try store.schedule(on: today).first {
            $0.appointment.patientID == patient.id && AppointmentStatusMachine.canMove(from: $0.appointment.status, to: .checkedIn)
        }
        if let appointment {
            try store.changeAppointmentStatus(appointment.appointment.id, .checkIn, by: Author(user: user))
            print("Checked in \(patient.displayName) (\(patient.mrn)) for \(appointment.appointment.start.time) with \(appointment.providerName)")
        } else {
            try store.checkInWalkIn(patient: patient.id, by: Author(user: user))
            print("Checked in \(patient.displayName) (\(patient.mrn)) as a walk-in")
        }
    }
}
