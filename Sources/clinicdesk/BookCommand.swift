import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk book MRN --provider NAME --at "YYYY-MM-DD HH:MM" --as USER`: books from a
/// script or a phone system with the same rules as the book on screen.
struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book", abstract: "Book an appointment (refused with the reasons unless --overbook --reason and permission)."
    )

    @Argument(help: "The patient's MRN, e.g. RFC-000123.")
    var mrn: String

    @Option(help: "The provider, by name (a unique part of it is enough).")
    var provider: String

    @Option(help: "The start, \"YYYY-MM-DD HH:MM\" in the clinic's time.")
    var at: String

    @Option(help: "Minutes (default: the provider's slot).")
    var minutes: Int?

    @Option(help: "new, follow-up or walk-in.")
    var kind: String = "new"

    @Option(help: "in-person, video or home.")
    var mode: String = "in-person"

    @Option(help: "Why the patient is coming (short).")
    var why: String = ""

    @Flag(help: "Book even though the slot has problems (needs the overbook permission and --reason).")
    var overbook = false

    @Option(help: "Why the slot is overbooked.")
    var reason: String = ""

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        let user = try signedIn.user(in: store)
        let patient = try Lookups.patient(mrn, in: store)
        let provider = try Lookups.provider(self.provider, in: store)
        guard let start = Lookups.dateTime(at) else {
            throw CommandFailure("--at “\(at)” is not a date and time; write e.g. \"2026-12-03 09:30\".")
        }
        guard let kind = AppointmentKind(rawValue: kind) else { throw CommandFailure("--kind must be new, follow-up or walk-in.") }
        guard let mode = AppointmentMode(rawValue: mode) else { throw CommandFailure("--mode must be in-person, video or home.") }
        let request = BookingRequest(patientID: patient.id, providerID: provider.id, start: start, minutes: minutes, kind: kind,
                                     mode: mode, reason: why, acceptingProblems: overbook, overbookReason: reason)
        let result: Result<Appointment, StoreError> = Result { () throws(StoreError) in
            try store.bookAppointment(request, by: Author(user: user))
        }
        switch result {
        case let .success(booked):
            print("Booked \(patient.displayName) (\(patient.mrn)) with \(provider.displayName) on \(booked.start) for \(booked.minutes) min"
                  + (booked.overbookReason.map { " — overbooked: \($0)" } ?? ""))
        case let .failure(.bookingRefused(problems)):
            throw CommandFailure("Not booked: " + problems.map(\.description).joined(separator: " ")
                                 + " (to book anyway: --overbook --reason TEXT, for a doctor or an admin)")
        case let .failure(error):
            throw error
        }
    }
}

/// Finding what commands name: a patient by MRN, a provider by part of the name, a date and time.
enum Lookups {
    static func patient(_ mrn: String, in store: ClinicStore) throws -> PatientSummary {
        guard let parsed = MRN(mrn), let patient = try store.searchPatients(.mrn(parsed.description)).first else {
            throw CommandFailure("No patient with MRN “\(mrn)”.")
        }
        return patient
    }

    static func provider(_ name: String, in store: ClinicStore) throws -> Provider {
        let providers = try store.providers()
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let matches = providers.filter {
            $0.displayName.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).contains(folded)
        }
        guard matches.count == 1 else {
            let names = providers.map(\.displayName).joined(separator: ", ")
            throw CommandFailure(matches.isEmpty ? "No provider matches “\(name)”; the providers are \(names)."
                                 : "“\(name)” matches \(matches.map(\.displayName).joined(separator: " and ")); say which.")
        }
        return matches[0]
    }

    static func dateTime(_ text: String) -> LocalDateTime? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let date = CalendarDate(iso: String(parts[0])), let time = ClockTime(String(parts[1])) else { return nil }
        return LocalDateTime(date: date, time: time)
    }
}
