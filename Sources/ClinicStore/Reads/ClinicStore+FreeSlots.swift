public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// The next free slots with a provider from `start` on, soonest first, up to `limit`, looking
    /// `days` days ahead (``Availability/nextFree(_:from:limit:days:patientAppointments:now:)``);
    /// with a patient, a slot where they are booked elsewhere is not offered.
    ///
    /// The provider's book is read a week at a time, then two, four…, until enough slots are
    /// found: "the next free slot with Dr X" reads the few days it needs, not the whole horizon.
    public func nextFreeSlots(
        with provider: EntityID<Provider>, from start: LocalDateTime, limit: Int, for patient: EntityID<Patient>? = nil,
        days: Int = 60
    ) throws(StoreError) -> [LocalDateTime] {
        try read { db in
            let profile = try activeProvider(provider, in: db)
            let templates = try weeklySchedule(of: provider, in: db)
            let now = localNow()
            var found: [LocalDateTime] = []
            var first = start.date
            var remaining = max(1, days)
            var window = 7
            while found.count < limit && remaining > 0 {
                let length = min(window, remaining)
                let last = first.adding(days: length - 1)
                let exceptions = try ScheduleExceptionRecord.filter(
                    Column("last_day") >= first.description && Column("first_day") <= last.description
                        && Column("deleted_at") == nil
                        && (Column("provider_id") == nil || Column("provider_id") == provider.description)
                ).fetchAll(db).compactMap { try $0.exception }
                let booked = try AppointmentRecord.filter(
                    Column("provider_id") == provider.description && Column("start_date") >= first.description
                        && Column("start_date") <= last.description && Column("deleted_at") == nil
                ).fetchAll(db).map { try $0.appointment }
                let busy =
                    try patient.map { patient in
                        try AppointmentRecord.filter(
                            Column("patient_id") == patient.description && Column("start_date") >= first.description
                                && Column("start_date") <= last.description && Column("deleted_at") == nil
                        ).fetchAll(db).map { try $0.appointment }
                    } ?? []
                let day = ProviderDay(
                    provider: profile, templates: templates, exceptions: exceptions, appointments: booked)
                let from = first == start.date ? start : LocalDateTime(date: first, time: ClockTime(minuteOfDay: 0)!)
                found += Availability.nextFree(
                    day, from: from, limit: limit - found.count, days: length, patientAppointments: busy,
                    now: now)
                first = last.adding(days: 1)
                remaining -= length
                window *= 2
            }
            return found
        }
    }
}
