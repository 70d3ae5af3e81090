public import Foundation

/// Which prescribed items the patient is still taking, for checking a new prescription against.
public enum PrescriptionCourse {
    /// How long an item with neither a duration nor a last day counts as current.
    public static let openCourseDays = 30

    /// Whether an item signed on `signed` is still current on `today`: until the end of its
    /// duration when it has one, else until its last day for dispensing, else for 30 days.
    public static func isCurrent(_ line: PrescriptionLine, signedOn signed: CalendarDate, today: CalendarDate) -> Bool {
        let last: CalendarDate
        if let days = line.durationDays, days > 0 {
            last = signed.adding(days: days - 1)
        } else if let until = line.validUntil {
            last = until
        } else {
            last = signed.adding(days: openCourseDays - 1)
        }
        return signed <= today && today <= last
    }

    /// The medicines current on `today` from `prescriptions` (the patient's, newest first): the
    /// items of those not cancelled or replaced by a later one.
    public static func current(_ prescriptions: [Prescription], today: CalendarDate, timeZone: TimeZone) -> [PrescriptionLine] {
        let replaced = Set(prescriptions.compactMap(\.supersedes))
        return prescriptions.filter { !$0.isCancellation && !replaced.contains($0.id) }.flatMap { prescription in
            let signed = CalendarDate.today(clock: .fixed(prescription.signedAt), timeZone: timeZone)
            return prescription.items.map(\.line).filter { isCurrent($0, signedOn: signed, today: today) }
        }
    }
}
