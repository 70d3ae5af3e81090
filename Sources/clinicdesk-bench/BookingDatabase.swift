import ClinicCore
import ClinicStore
import Foundation

/// The appointment book a booking benchmark runs against: providers with weekly hours, lunch
/// breaks, Saturday mornings for some, leave and clinic holidays, and a year of bookings with
/// about 85% of slots taken and some cancelled. Built once through the bulk import and kept
/// under `.build/bench/`.
struct BookingDatabase {
    let store: ClinicStore
    let providers: [Provider]
    let patients: [EntityID<Patient>]
    /// The Monday the year of bookings starts on; the benchmark's clock stands at 07:00 that day.
    let firstDay: CalendarDate
    let weeks: Int
    let now: LocalDateTime

    static let firstDay = CalendarDate(iso: "2027-01-04")!

    /// Opens (building it first if needed) the book of `providers` providers over `weeks` weeks.
    static func open(providers count: Int, weeks: Int, patients: Int, seed: UInt64, folder: String) throws
        -> BookingDatabase
    {
        let clock = ManualClock(Date(timeIntervalSince1970: Double(firstDay.daysSinceEpoch * 86_400 + 7 * 3_600)))
        let environment = StoreEnvironment(clock: clock.wallClock, entropy: .seeded(seed))
        let path = "\(folder)/booking-\(count)x\(weeks)w-\(patients)-\(seed)-r1.sqlite"
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            print("building a \(count)-provider, \(weeks)-week book at \(path) …")
            let started = Date()
            let built = try build(
                at: path + ".partial", providers: count, weeks: weeks, patients: patients, seed: seed,
                environment: environment)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + ".partial" + suffix) }
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
            print(String(format: "  %d appointments built in %.1f s", built, Date().timeIntervalSince(started)))
        }
        let store = try ClinicStore.open(at: path, environment: environment)
        let patientIDs = try store.searchPatients(text: "bench", limit: 2_000).map(\.id)
        return BookingDatabase(
            store: store, providers: try store.providers(), patients: patientIDs, firstDay: firstDay, weeks: weeks,
            now: LocalDateTime(date: firstDay, time: ClockTime(hour: 7, minute: 0)!))
    }

    /// The weekly plan of provider `index`: slot length and hours, varied as a clinic's are.
    static func plan(_ index: Int) -> (minutes: Int, days: [WorkingDay]) {
        func time(_ hour: Int, _ minute: Int = 0) -> ClockTime { ClockTime(hour: hour, minute: minute)! }
        let kind = index % 30
        let minutes = kind < 20 ? 15 : kind < 26 ? 20 : 30
        let (start, end, lunch) =
            switch kind % 3 {
            case 0: (time(8), time(17), TimeRange(start: time(12, 30), end: time(13, 30))!)
            case 1: (time(8, 30), time(17, 30), TimeRange(start: time(12), end: time(13))!)
            default: (time(9), time(18), TimeRange(start: time(13), end: time(14))!)
            }
        var days = (1...5).map {
            WorkingDay(
                weekday: $0, hours: TimeRange(start: start, end: end)!,
                breaks: [ScheduleBreak(range: lunch, label: "Lunch")])
        }
        if index % 3 == 0 { days.append(WorkingDay(weekday: 6, hours: TimeRange(start: time(9), end: time(12))!)) }
        return (minutes, days)
    }

    private static func build(
        at path: String, providers count: Int, weeks: Int, patients: Int, seed: UInt64, environment: StoreEnvironment
    ) throws -> Int {
        let store = try ClinicStore.create(
            at: path, clinicName: "Booking Bench Clinic", timeZone: TimeZone(identifier: "UTC")!,
            deviceName: "bench", mrnPrefix: "BB", environment: environment)
        let admin = Author.system("bench")
        var random = SplitMix64(state: seed)
        let families = [
            "Bench", "Haddad", "Nguyen", "Okafor", "Smith", "Garcia", "Kowalski", "Tanaka", "Osei", "Müller",
            "Rossi", "Dubois", "Silva", "Khan", "Ivanova", "Murphy", "Jensen", "Novak", "Costa", "Yilmaz",
        ]
        let givens = [
            "Ana", "John", "Mei", "Ada", "Luis", "Priya", "Tom", "Sara", "Ivan", "Leila", "Kofi", "Emma",
            "Omar", "Nina", "Yuki", "Paul", "Rosa", "Amir", "Lena", "Hugo",
        ]
        let registered = environment.clock.now().addingTimeInterval(-400 * 86_400)
        let patientIDs = try store.importPatients(
            (0..<patients).lazy.map { index in
                ImportedPatient(
                    details: PatientDetails(
                        familyName: index % 25 == 0 ? "Bench" : families[index % families.count],
                        givenName: givens[(index / families.count) % givens.count],
                        birthDate: BirthDate(date: CalendarDate(daysSinceEpoch: -12_000 + (index * 7_919) % 25_000))),
                    registeredAt: registered)
            }, by: admin)
        var providers: [Provider] = []
        for index in 0..<count {
            let plan = plan(index)
            let provider = try store.createProvider(
                displayName:
                    "Dr \(givens[index % givens.count]) \(families[(index * 7) % families.count]) \(index + 1)",
                specialty: .generalPractice, defaultSlotMinutes: plan.minutes, by: admin)
            try store.setWeeklySchedule(provider: provider.id, days: plan.days, by: admin)
            // Two weeks of leave each, spread over the year.
            let leave = firstDay.adding(days: 7 * ((index * 5) % max(1, weeks - 2)))
            try store.addScheduleException(
                provider: provider.id, kind: .leave, firstDay: leave, lastDay: leave.adding(days: 13),
                reason: "Annual leave", by: admin)
            providers.append(provider)
        }
        var holidays: Set<CalendarDate> = []
        for offset in [88, 91, 119, 147, 238, 357, 358] where offset < weeks * 7 {
            let day = firstDay.adding(days: offset)
            try store.addScheduleException(
                provider: nil, kind: .holiday, firstDay: day, lastDay: day, reason: "Public holiday", by: admin)
            holidays.insert(day)
        }
        let templates = try providers.map { try store.weeklySchedule(of: $0.id) }
        var appointments: [ImportedAppointment] = []
        var patientDays = Set<Int>()  // one booking a day for a patient keeps the book free of accidental clashes
        let booked = environment.clock.now().addingTimeInterval(-30 * 86_400)
        for dayIndex in 0..<(weeks * 7) {
            let date = firstDay.adding(days: dayIndex)
            guard !holidays.contains(date) else { continue }
            for (index, provider) in providers.enumerated() {
                let day = ProviderDay(
                    provider: provider, templates: templates[index],
                    exceptions: try store.scheduleExceptions(covering: date, provider: provider.id).filter {
                        $0.providerID != nil
                    },
                    appointments: [])
                for slot in Availability.slots(
                    day, on: date, now: LocalDateTime(date: firstDay, time: ClockTime(hour: 0, minute: 0)!))
                where slot.state == .free {
                    let start = LocalDateTime(date: date, time: slot.start)
                    func someone() -> EntityID<Patient> {
                        while true {
                            let patient = Int.random(in: 0..<patientIDs.count, using: &random)
                            if patientDays.insert(patient * 1_000 + dayIndex).inserted { return patientIDs[patient] }
                        }
                    }
                    if Double.random(in: 0..<1, using: &random) < 0.08 {
                        appointments.append(
                            ImportedAppointment(
                                patientID: someone(), providerID: provider.id, start: start,
                                minutes: slot.minutes, status: .cancelled,
                                cancelReason: "Cancelled by patient", bookedAt: booked))
                    }
                    guard Double.random(in: 0..<1, using: &random) < 0.85 else { continue }
                    let kind: AppointmentKind = Int.random(in: 0..<4, using: &random) == 0 ? .new : .followUp
                    appointments.append(
                        ImportedAppointment(
                            patientID: someone(), providerID: provider.id, start: start,
                            minutes: slot.minutes, kind: kind,
                            status: Int.random(in: 0..<5, using: &random) == 0 ? .confirmed : .booked,
                            bookedAt: booked))
                }
            }
        }
        return try store.importAppointments(appointments, by: admin)
    }
}
