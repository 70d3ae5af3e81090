import ClinicCore
import ClinicStore
import Foundation

/// The demo clinic's users and providers.
struct DemoStaff {
    var admin: Author
    var receptionist: Author
    var doctor: Author
    var nurse: Author

    static func create(in store: ClinicStore, hasher: any PasswordHasher) throws -> DemoStaff {
        var authors: [Role: Author] = [:]
        let names: [Role: String] = [
            .admin: "Alex Admin", .receptionist: "Rosa Reception", .doctor: "Dr Amina Haddad", .nurse: "Nurse Nguyễn Lan",
        ]
        for role in Role.allCases {
            let user = try store.createUser(
                username: role.rawValue, displayName: names[role] ?? role.rawValue, role: role,
                passwordHash: try hasher.hash(DemoClinic.password), by: .system("demo")
            )
            authors[role] = Author(user: user)
        }
        return DemoStaff(admin: authors[.admin]!, receptionist: authors[.receptionist]!,
                         doctor: authors[.doctor]!, nurse: authors[.nurse]!)
    }

    /// Six providers with weekly schedules; one is on leave one day this week.
    static func providers(in store: ClinicStore, doctor: Author, today: CalendarDate) throws -> [Provider] {
        let specs: [(String, Specialty, Int)] = [
            ("Dr Amina Haddad", .generalPractice, 15), ("Dr José Álvarez", .generalPractice, 15),
            ("Dr Priya Sharma", .paediatrics, 20), ("Dr Wang Li", .internalMedicine, 20),
            ("Dr Nguyễn Thị Mai", .gynaecology, 30), ("Dr Søren Østergaard", .dermatology, 20),
        ]
        var providers: [Provider] = []
        for (index, spec) in specs.enumerated() {
            let provider = try store.createProvider(
                displayName: spec.0, specialty: spec.1, defaultSlotMinutes: spec.2,
                userID: index == 0 ? doctor.userID : nil, by: .system("demo")
            )
            let lunch = ScheduleBreak(range: TimeRange(start: ClockTime(hour: 12, minute: 30)!, end: ClockTime(hour: 13, minute: 30)!)!, label: "Lunch")
            var days = (1...5).map { weekday in
                WorkingDay(weekday: weekday, hours: TimeRange(start: ClockTime(hour: 8, minute: 30)!, end: ClockTime(hour: 17, minute: 0)!)!,
                           breaks: [lunch])
            }
            if index % 2 == 0 {
                days.append(WorkingDay(weekday: 6, hours: TimeRange(start: ClockTime(hour: 9, minute: 0)!, end: ClockTime(hour: 12, minute: 0)!)!))
            }
            try store.setWeeklySchedule(provider: provider.id, days: days, by: .system("demo"))
            providers.append(provider)
        }
        let monday = today.adding(days: 1 - today.isoWeekday)
        let leaveDay = monday.adding(days: 3)
        try store.addScheduleException(provider: providers[5].id, kind: .leave, firstDay: leaveDay, lastDay: leaveDay,
                                       reason: "Conference", by: .system("demo"))
        for (name, kind) in [("Nurse room", StationKind.nurse), ("Lab", .lab), ("Pharmacy", .pharmacy)] {
            try store.createStation(name: name, kind: kind, by: .system("demo"))
        }
        return providers
    }
}
