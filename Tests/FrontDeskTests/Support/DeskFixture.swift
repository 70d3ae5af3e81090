import ClinicCore
import ClinicDeskLive
import ClinicStore
import Foundation
import FrontDesk
import PasswordHashing
import TerminalKit

/// A small clinic in a temporary database — staff, providers, patients in five scripts,
/// today's appointments and queue — with a manual clock, for flows and screen snapshots.
final class DeskFixture: @unchecked Sendable {
    let folder: URL
    let clock: ManualClock
    let store: ClinicStore
    let admin: Author
    let receptionist: Author
    let doctor: Author
    let nurse: Author
    let providers: [Provider]
    var patients: [String: Patient] = [:]
    /// Friday 2026-11-20, 10:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_795_168_800)
    static let hasher = Argon2idHasher.fastForTests(entropy: .seeded(9))

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdesk-test-\(UUID().uuidString)")
        clock = ManualClock(DeskFixture.start)
        let store = try ClinicStore.create(
            at: folder.appendingPathComponent("clinic.sqlite").path, clinicName: "Riverside Clinic",
            timeZone: TimeZone(identifier: "UTC")!, deviceName: "desk", mrnPrefix: "RVC",
            environment: StoreEnvironment(clock: clock.wallClock, entropy: .seeded(3))
        )
        self.store = store
        func user(_ name: String, _ display: String, _ role: Role) throws -> Author {
            Author(user: try store.createUser(username: name, displayName: display, role: role,
                                              passwordHash: try DeskFixture.hasher.hash("secret-\(name)"), by: .system("test")))
        }
        admin = try user("ada", "Ada Admin", .admin)
        receptionist = try user("rosa", "Rosa Díaz", .receptionist)
        doctor = try user("amina", "Dr Amina Haddad", .doctor)
        nurse = try user("nia", "Nurse Nia Obi", .nurse)
        var providers: [Provider] = []
        let admin = self.admin
        for (name, specialty, user) in [("Dr Amina Haddad", Specialty.generalPractice, doctor.userID), ("Dr Wang Li", .paediatrics, nil)] {
            let provider = try store.createProvider(displayName: name, specialty: specialty, defaultSlotMinutes: 15, userID: user,
                                                    by: admin)
            try store.setWeeklySchedule(provider: provider.id, days: (1...5).map {
                WorkingDay(weekday: $0, hours: TimeRange(start: ClockTime("08:00")!, end: ClockTime("18:00")!)!)
            }, by: admin)
            providers.append(provider)
        }
        self.providers = providers
        try store.createStation(name: "Lab", kind: .lab, by: admin)
        try registerPeople()
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Patients with names in Latin with diacritics, Arabic, Devanagari, CJK and Vietnamese.
    private func registerPeople() throws {
        let people: [(String, String, Sex, String?, String?)] = [
            ("Smith", "John", .male, "1980-05-02", "07911 123456"),
            ("García", "José", .male, "1990-07-14", "0612 345 678"),
            ("محمد", "عبد الله", .male, "1975-01-30", "0501 234 567"),
            ("शर्मा", "अनिता", .female, "1988-11-02", nil),
            ("王", "小明", .male, "2015-03-09", "13800 138000"),
            ("Nguyễn", "Thị Hương", .female, "1969-12-24", "0912 345 679"),
            ("Østergaard", "Søren", .male, nil, nil),
        ]
        for (family, given, sex, birth, phone) in people {
            let patient = try store.registerPatient(
                PatientDetails(familyName: family, givenName: given, sex: sex,
                               birthDate: birth.map { BirthDate(date: CalendarDate(iso: $0)!) },
                               phone: try phone.map { try PhoneNumber(parsing: $0) }),
                by: receptionist)
            patients[family] = patient
            clock.advance(by: 1)
        }
    }

    /// Today's schedule and queue: booked, confirmed, checked in (waiting 40 minutes: late), in consultation, cancelled.
    func fillToday() throws {
        let slots: [(String, String, Int, [AppointmentTransition])] = [
            ("Smith", "09:00", 0, [.checkIn]),
            ("García", "09:15", 0, [.checkIn, .startConsultation]),
            ("محمد", "10:30", 1, [.confirm]),
            ("शर्मा", "11:00", 1, []),
            ("王", "11:30", 0, [.cancel(reason: "Feeling better")]),
            ("Nguyễn", "14:00", 1, [.checkIn]),
        ]
        clock.set(DeskFixture.start.addingTimeInterval(-3 * 3600))
        for (family, time, provider, steps) in slots {
            let appointment = try store.bookAppointment(
                BookingRequest(patientID: patients[family]!.id, providerID: providers[provider].id,
                               start: LocalDateTime(date: CalendarDate(iso: "2026-11-20")!, time: ClockTime(time)!),
                               reason: "Check-up", acceptingProblems: true),
                by: receptionist)
            for step in steps {
                clock.advance(by: 5 * 60)
                try store.changeAppointmentStatus(appointment.id, step, by: step == .startConsultation ? doctor : receptionist)
            }
        }
        clock.set(DeskFixture.start)
        try store.recordAllergy(patient: patients["Smith"]!.id, substance: "Penicillins", kind: .drugClass,
                                reaction: "Anaphylaxis", severity: .severe, by: doctor)
        try store.recordAllergy(patient: patients["Smith"]!.id, substance: "Latex", kind: .environmental,
                                reaction: "Rash", severity: .mild, by: doctor)
        try store.recordNoKnownAllergies(patient: patients["García"]!.id, by: doctor)
        try store.issuePrescription(patient: patients["García"]!.id, lines: [
            PrescriptionLine(drug: "Amoxicillin", strength: "500 mg", form: "capsule", sig: "1 capsule 3 times a day for 7 days"),
        ], by: doctor)
    }

    /// Dependencies over this store, exactly as the executable builds them (with the fast test hasher).
    var dependencies: Dependencies {
        // The store's clinic row always exists here; `make` only fails for a damaged database.
        (try? LiveDependencies.make(store: store, hasher: DeskFixture.hasher, log: { _ in }))!
    }
}

extension DeskFixture {
    /// The clinic's price list: the three consultations, a dressing with 18% tax and an X-ray (rupees).
    @discardableResult
    func seedPrices() throws -> [String: PriceItem] {
        let drafts = [
            PriceItemDraft(code: "CONS-NEW", name: "Consultation, new patient", category: .consultation, price: Money(minor: 60_000),
                           taxRate: .zero),
            PriceItemDraft(code: "CONS-FOLLOW", name: "Follow-up consultation", category: .consultation, price: Money(minor: 40_000),
                           taxRate: .zero),
            PriceItemDraft(code: "CONS-WALKIN", name: "Walk-in consultation", category: .consultation, price: Money(minor: 50_000),
                           taxRate: .zero),
            PriceItemDraft(code: "DRESS", name: "Wound dressing", category: .procedure, price: Money(minor: 25_000),
                           taxRate: Rate(basisPoints: 1800)),
            PriceItemDraft(code: "XRAY", name: "Chest X-ray", category: .lab, price: Money(minor: 80_000), taxRate: .zero),
        ]
        var items: [String: PriceItem] = [:]
        for draft in drafts { items[draft.code] = try store.savePriceItem(draft, by: admin) }
        return items
    }

    /// Finishes the visit of the patient with this family name (who is in consultation or waiting).
    @discardableResult
    func finishVisit(of family: String) throws -> Visit {
        let row = try store.queue(on: store.today()).first { $0.visit.patientID == patients[family]!.id }
        guard let visit = row?.visit else { throw NotInTodaysQueue(family: family) }
        if visit.status == .waiting { _ = try store.startConsultation(visit.id, by: doctor) }
        return try store.finishVisit(visit.id, outcome: .done, by: doctor)
    }
}

/// The fixture was asked to finish the visit of someone not in today's queue.
struct NotInTodaysQueue: Error {
    var family: String
}
