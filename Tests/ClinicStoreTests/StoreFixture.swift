import ClinicCore
@testable import ClinicStore
import Foundation
import GRDB

/// A fresh clinic database in a temporary folder with a manual clock and seeded ids.
final class StoreFixture {
    let folder: URL
    let clock: ManualClock
    let store: ClinicStore
    let admin: Author
    let receptionist: Author
    let doctor: Author
    let nurse: Author
    /// 2026-11-20 10:00 UTC, a Friday.
    static let start = Date(timeIntervalSince1970: 1_795_168_800)

    init(seed: UInt64 = 1) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicdesk-test-\(UUID().uuidString)")
        clock = ManualClock(StoreFixture.start)
        let environment = StoreEnvironment(clock: clock.wallClock, entropy: .seeded(seed))
        let store = try ClinicStore.create(
            at: folder.appendingPathComponent("clinic.sqlite").path, clinicName: "Test Clinic",
            timeZone: TimeZone(identifier: "UTC")!, deviceName: "desk-1", mrnPrefix: "TST", environment: environment
        )
        self.store = store
        func user(_ name: String, _ role: Role) throws -> Author {
            Author(user: try store.createUser(username: name, displayName: name, role: role, passwordHash: "x", by: .system("test")))
        }
        admin = try user("ada", .admin)
        receptionist = try user("rita", .receptionist)
        doctor = try user("dan", .doctor)
        nurse = try user("nina", .nurse)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var path: String { store.path }

    /// Rows of a table, counted directly in SQL.
    func count(_ table: String, where condition: String = "1") throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE \(condition)") ?? 0 }
    }

    /// A snapshot of how many rows every table holds.
    func rowCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["patient", "patient_identifier", "allergy", "appointment", "visit", "prescription",
                      "prescription_item", "user_account", "provider", "schedule_template", "schedule_exception",
                      "change", "audit_event", "field_clock"] {
            counts[table] = try count(table)
        }
        return counts
    }

    /// Change rows written by the last write (those sharing the newest transaction id).
    func lastChanges() throws -> [Change] {
        let all = try store.changes(limit: 100_000)
        guard let last = all.last else { return [] }
        return all.filter { $0.transactionID == last.transactionID }
    }

    func john(phone: String? = "07911 123456", birth: String = "1980-05-02") throws -> PatientDetails {
        PatientDetails(familyName: "Smith", givenName: "John", sex: .male,
                       birthDate: BirthDate(date: CalendarDate(iso: birth)!), phone: try phone.map { try PhoneNumber(parsing: $0) })
    }

    /// A provider working Monday to Saturday 08:00–18:00.
    func provider(_ name: String = "Dr Haddad") throws -> Provider {
        let provider = try store.createProvider(displayName: name, specialty: .generalPractice, defaultSlotMinutes: 15, by: admin)
        try store.setWeeklySchedule(provider: provider.id, days: (1...6).map {
            WorkingDay(weekday: $0, hours: TimeRange(start: ClockTime("08:00")!, end: ClockTime("18:00")!)!)
        }, by: admin)
        return provider
    }

    static func at(_ date: String, _ time: String) -> LocalDateTime {
        LocalDateTime(date: CalendarDate(iso: date)!, time: ClockTime(time)!)
    }
}
