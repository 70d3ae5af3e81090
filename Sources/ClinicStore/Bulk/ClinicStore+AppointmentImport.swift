public import ClinicCore
public import Foundation
import GRDB

/// One appointment for a bulk import: a book kept elsewhere brought over whole.
public struct ImportedAppointment: Sendable {
    public var patientID: EntityID<Patient>
    public var providerID: EntityID<Provider>
    public var start: LocalDateTime
    public var minutes: Int
    public var kind: AppointmentKind
    public var mode: AppointmentMode
    public var status: AppointmentStatus
    public var reason: String
    /// Required when `status` is cancelled.
    public var cancelReason: String?
    public var bookedAt: Date

    public init(
        patientID: EntityID<Patient>, providerID: EntityID<Provider>, start: LocalDateTime, minutes: Int,
        kind: AppointmentKind = .new, mode: AppointmentMode = .inPerson, status: AppointmentStatus = .booked,
        reason: String = "", cancelReason: String? = nil, bookedAt: Date
    ) {
        self.patientID = patientID
        self.providerID = providerID
        self.start = start
        self.minutes = minutes
        self.kind = kind
        self.mode = mode
        self.status = status
        self.reason = reason
        self.cancelReason = cancelReason
        self.bookedAt = bookedAt
    }
}

extension ClinicStore {
    /// Imports many appointments in one transaction: all or nothing.
    ///
    /// Like ``importPatients(_:by:)``: each row gets an id and a clock value and one `snapshot`
    /// change so sync still sends it, and one audit event covers the import. The book is taken as
    /// it was kept, so booking rules (hours, the past, overlaps) are not applied; clashes it brings
    /// show in ``BookingClash/all(in:)``. Patients and providers must exist; a length outside 5–480
    /// minutes, a visit past midnight or a cancellation without a reason stops the import.
    ///
    /// - Returns: how many appointments were imported.
    @discardableResult
    public func importAppointments<S: Sequence>(
        _ appointments: S, by author: Author
    ) throws(StoreError) -> Int where S.Element == ImportedAppointment {
        try write(.bookAppointment, by: author) { writer in
            let insert = try writer.db.makeStatement(
                sql: """
                    INSERT INTO appointment (id, patient_id, provider_id, start_date, start_minute, minutes, kind, mode, status, reason,
                      cancel_reason, created_at, hlc, origin_device)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let snapshot = try writer.db.makeStatement(
                sql: """
                    INSERT INTO change (change_id, tx_id, table_name, row_id, operation, hlc, device_id, user_id, schema_version)
                    VALUES (?, ?, 'appointment', ?, 'snapshot', ?, ?, ?, ?)
                    """)
            guard let local = try LocalDeviceRecord.fetchOne(writer.db) else {
                throw StoreError.notAClinicDatabase(path: path, detail: "it has no device identity")
            }
            var clock = try local.clock
            let wall = environment.clock.millisecondsSinceEpoch()
            let device = local.deviceID
            let userID = author.userID?.description
            // 256 MiB: keep index pages in memory while loading.
            try writer.db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? writer.db.execute(sql: "PRAGMA cache_size = -2000") }
            var count = 0
            var first: LocalDateTime?
            var last: LocalDateTime?
            for appointment in appointments {
                try Self.check(appointment, row: count + 1)
                let stamp = clock.tick(wallMillis: wall)
                let hlc = HLCTimestamp.text(millis: stamp.millis, counter: stamp.counter, device: device)
                let id = environment.ids.next().lowercased
                insert.setUncheckedArguments([
                    id, appointment.patientID.description, appointment.providerID.description,
                    appointment.start.date.description,
                    appointment.start.time.minuteOfDay, appointment.minutes, appointment.kind.rawValue,
                    appointment.mode.rawValue,
                    appointment.status.rawValue, NameRule.tidy(appointment.reason),
                    appointment.cancelReason.map(NameRule.tidy),
                    ISOInstant.format(appointment.bookedAt), hlc, device,
                ])
                try insert.execute()
                // Each appointment is its own sync transaction, as each imported patient is.
                let transaction = environment.ids.next().lowercased
                snapshot.setUncheckedArguments([
                    transaction, transaction, id, hlc, device, userID, ClinicSchema.version,
                ])
                try snapshot.execute()
                count += 1
                first = min(first ?? appointment.start, appointment.start)
                last = max(last ?? appointment.start, appointment.start)
            }
            try writer.db.execute(
                sql: "UPDATE local_device SET hlc_millis = ?, hlc_counter = ?",
                arguments: [Int64(clock.millis), Int(clock.counter)])
            guard let first, let last else { return 0 }
            writer.wrote(AppointmentRecord.databaseTableName)
            try writer.audit(
                "appointment.import", AppointmentRecord.self, "",
                "Imported \(count) appointment\(count == 1 ? "" : "s") from \(first.date) to \(last.date)")
            return count
        }
    }

    private static func check(_ appointment: ImportedAppointment, row: Int) throws {
        var problems: [FieldProblem] = []
        if !(5...480).contains(appointment.minutes) {
            problems.append(
                FieldProblem(
                    field: "minutes",
                    message: "Appointment \(row) lasts \(appointment.minutes) minutes; 5 to 480 are allowed."))
        } else if appointment.start.time.minuteOfDay + appointment.minutes > 24 * 60 {
            problems.append(FieldProblem(field: "start", message: "Appointment \(row) would run past midnight."))
        }
        if appointment.status == .cancelled, NameRule.tidy(appointment.cancelReason ?? "").isEmpty {
            problems.append(
                FieldProblem(field: "cancel reason", message: "Appointment \(row) is cancelled without a reason."))
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
    }
}
