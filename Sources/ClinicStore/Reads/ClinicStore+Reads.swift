public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// A patient by id (including removed ones, which carry their ``Patient/deletion``).
    public func patient(_ id: EntityID<Patient>) throws(StoreError) -> Patient? {
        try read { db in
            guard let record = try PatientRecord.find(id.description, in: db) else { return nil }
            return try record.patient(identifiers: try identifiers(of: id, in: db))
        }
    }

    /// The patient's allergy entries, oldest first (use ``Swift/Array/current`` for the ones in force).
    public func allergies(of patientID: EntityID<Patient>) throws(StoreError) -> [Allergy] {
        try read { db in try allergies(of: patientID, in: db) }
    }

    /// Every provider, by name.
    public func providers() throws(StoreError) -> [Provider] {
        try read { db in
            try ProviderRecord.filter(Column("deleted_at") == nil).order(Column("display_name")).fetchAll(db).map { try $0.provider }
        }
    }

    /// A provider's current weekly schedule, Monday first.
    public func weeklySchedule(of providerID: EntityID<Provider>) throws(StoreError) -> [ScheduleTemplate] {
        try read { db in try weeklySchedule(of: providerID, in: db) }
    }

    /// Holidays and leave covering `day` (clinic-wide, or any provider's when `provider` is nil).
    public func scheduleExceptions(covering day: CalendarDate, provider: EntityID<Provider>? = nil) throws(StoreError) -> [ScheduleException] {
        try read { db in try scheduleExceptions(covering: day, provider: provider, in: db) }
    }

    /// The day's appointments by time, then provider, with patient and provider names.
    public func schedule(on day: CalendarDate) throws(StoreError) -> [ScheduleEntry] {
        try read { db in try scheduleEntries(on: day, in: db) }
    }

    /// The day's queue: everyone checked in, called and waiting first, then emergency, urgent,
    /// normal, then by arrival (``QueueRules/sorted(_:)`` is the same order).
    public func queue(on day: CalendarDate) throws(StoreError) -> [QueueEntry] {
        try read { db in try queueEntries(Self.queueSQL(where: "v.day = ? AND v.deleted_at IS NULL"), [day.description], in: db) }
    }

    /// The day's queue as the queue pane shows it: the open visits with their names, and the ended
    /// ones without (only their times count, for the average waits). Every terminal reads this after
    /// each check-in anywhere in the clinic, and by the afternoon most of the day's visits have ended.
    public func queueDay(on day: CalendarDate) throws(StoreError) -> QueueDay {
        try read { db in
            let open = try queueEntries(Self.openQueueSQL, [day.description], in: db)
            let rows = try Row.fetchCursor(try db.cachedStatement(sql: Self.endedVisitsSQL), arguments: [day.description])
            let ended = try Array(rows.map { row in try VisitRecord(row: row, at: 0).visit })
            return QueueDay(open: open, ended: ended)
        }
    }

    /// Queue entries by position from a cursor (see ``ColumnOrdered``), with the statement kept
    /// prepared, from SQL that selects ``queueColumns``; each with what its patient owes.
    private func queueEntries(_ sql: String, _ arguments: StatementArguments, in db: Database) throws -> [QueueEntry] {
        var entries = try namedQueueEntries(sql, arguments, in: db)
        let balances = try Self.balances(of: Array(Set(entries.map { $0.visit.patientID.description })), db)
        for index in entries.indices {
            entries[index].balance = balances[entries[index].visit.patientID.description] ?? [:]
        }
        return entries
    }

    private func namedQueueEntries(_ sql: String, _ arguments: StatementArguments, in db: Database) throws -> [QueueEntry] {
        let rows = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: arguments)
        let joined = VisitRecord.columnCount
        return try Array(rows.map { row in
            QueueEntry(
                visit: try VisitRecord(row: row, at: 0).visit,
                patientName: PatientDetails.displayName(familyName: row[joined], givenName: row[joined + 1]),
                patientMRN: MRN(row[joined + 2] as String) ?? MRN(prefix: "XX", serial: 0),
                allergyStatus: AllergyStatus(rawValue: row[joined + 3]) ?? .notAsked,
                providerName: row[joined + 6],
                appointmentTime: (row[joined + 7] as Int?).flatMap { ClockTime(minuteOfDay: $0) },
                patientBirthDate: (row[joined + 4] as String?).flatMap(CalendarDate.init(iso:))
                    .map { BirthDate(date: $0, isEstimated: row[joined + 5] ?? false) }
            )
        })
    }

    private static func queueSQL(where condition: String) -> String {
        """
        SELECT \(VisitRecord.columns("v")), p.family_name, p.given_name, p.mrn, p.allergy_status, p.birth_date,
               p.birth_date_estimated, pr.display_name, a.start_minute
        FROM visit v
        JOIN patient p ON p.id = v.patient_id
        LEFT JOIN provider pr ON pr.id = v.provider_id
        LEFT JOIN appointment a ON a.id = v.appointment_id
        WHERE \(condition)
        ORDER BY CASE v.status WHEN 'called' THEN 0 WHEN 'waiting' THEN 1 WHEN 'in-consultation' THEN 2 ELSE 3 END,
                 CASE v.priority WHEN 'emergency' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, v.arrived_at, v.id
        """
    }

    private static let openQueueSQL = queueSQL(
        where: "v.day = ? AND v.deleted_at IS NULL AND v.status IN ('called', 'waiting', 'in-consultation')")

    private static let endedVisitsSQL = """
        SELECT \(VisitRecord.columns("v")) FROM visit v
        WHERE v.day = ? AND v.deleted_at IS NULL AND v.status NOT IN ('called', 'waiting', 'in-consultation')
        ORDER BY v.arrived_at, v.id
        """

    /// A patient's appointments from `day` on, soonest first.
    public func appointments(of patientID: EntityID<Patient>, from day: CalendarDate) throws(StoreError) -> [Appointment] {
        try read { db in
            try AppointmentRecord
                .filter(Column("patient_id") == patientID.description && Column("start_date") >= day.description && Column("deleted_at") == nil)
                .order(Column("start_date"), Column("start_minute"))
                .fetchAll(db)
                .map { try $0.appointment }
        }
    }

    /// A patient's visits, most recent first.
    public func visits(of patientID: EntityID<Patient>, limit: Int = 20) throws(StoreError) -> [Visit] {
        try read { db in
            try VisitRecord
                .filter(Column("patient_id") == patientID.description && Column("deleted_at") == nil)
                .order(Column("day").desc, Column("arrived_at").desc)
                .limit(limit)
                .fetchAll(db)
                .map { try $0.visit }
        }
    }

    /// A patient's prescriptions, newest first, with their items in order.
    public func prescriptions(of patientID: EntityID<Patient>) throws(StoreError) -> [Prescription] {
        try read { db in try prescriptions(of: patientID, in: db) }
    }

    func prescriptions(of patientID: EntityID<Patient>, in db: Database) throws -> [Prescription] {
        let records = try PrescriptionRecord
            .filter(Column("patient_id") == patientID.description && Column("deleted_at") == nil)
            .order(Column("signed_at").desc, Column("id"))
            .fetchAll(db)
        return try records.map { try prescription($0, in: db) }
    }

    func weeklySchedule(of providerID: EntityID<Provider>, in db: Database) throws -> [ScheduleTemplate] {
        try ScheduleTemplateRecord
            .filter(Column("provider_id") == providerID.description && Column("deleted_at") == nil)
            .order(Column("weekday"), Column("start_minute"))
            .fetchAll(db)
            .compactMap { try $0.template }
    }

    func scheduleExceptions(covering day: CalendarDate, provider: EntityID<Provider>?, in db: Database) throws -> [ScheduleException] {
        var request = ScheduleExceptionRecord.filter(
            Column("first_day") <= day.description && Column("last_day") >= day.description && Column("deleted_at") == nil
        )
        if let provider {
            request = request.filter(Column("provider_id") == nil || Column("provider_id") == provider.description)
        }
        return try request.order(Column("first_day")).fetchAll(db).compactMap { try $0.exception }
    }

    func appointmentRecords(on day: CalendarDate, provider: EntityID<Provider>, in db: Database) throws -> [AppointmentRecord] {
        try AppointmentRecord
            .filter(Column("start_date") == day.description && Column("provider_id") == provider.description && Column("deleted_at") == nil)
            .order(Column("start_minute"))
            .fetchAll(db)
    }
}
