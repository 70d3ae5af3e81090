import ClinicCore
import ClinicServerTesting
import ClinicStore
import ClinicSync
import Foundation
import Testing

extension SyncSuite {
    /// DESIGN §6 rule 5: a double booking that sync reveals is shown, not hidden.
    @Suite("Double bookings revealed by sync", .serialized)
    struct DoubleBookingSyncTests {
        @Test func twoDevicesBookingOfflineBothKeepEverythingAndSeeTheClashesUntilOneIsMoved() async throws {
            try await SyncWorld.run { world in
                let a = try await world.device("a", clinic: "Riverside")
                let b = try await world.device("b", clinic: "Riverside")
                var providers: [Provider] = []
                for name in ["Dr Haddad", "Dr Wang"] {
                    let provider = try a.store.createProvider(
                        displayName: name, specialty: .generalPractice, defaultSlotMinutes: 15,
                        by: .system("test"))
                    try a.store.setWeeklySchedule(
                        provider: provider.id,
                        days: (1...6).map {
                            WorkingDay(
                                weekday: $0, hours: TimeRange(start: ClockTime("08:00")!, end: ClockTime("18:00")!)!)
                        }, by: .system("test"))
                    providers.append(provider)
                }
                let (haddad, wang) = (providers[0], providers[1])
                let lee = try a.register("Lee", "Ann")
                let okafor = try a.register("Okafor", "Ada")
                let smith = try a.register("Smith", "John")
                await a.sync()
                await b.sync()
                var day = a.store.today().adding(days: 1)
                while day.isoWeekday != 1 { day = day.adding(days: 1) }
                func at(_ time: String) -> LocalDateTime { LocalDateTime(date: day, time: ClockTime(time)!) }

                // Offline, each device sees free slots and books them as a receptionist would.
                let leeAt9 = try a.store.bookAppointment(
                    BookingRequest(patientID: lee.id, providerID: haddad.id, start: at("09:00")),
                    by: a.receptionist)
                let smithWithHaddad = try a.store.bookAppointment(
                    BookingRequest(patientID: smith.id, providerID: haddad.id, start: at("11:00")), by: a.receptionist)
                b.clock.advance(by: 30)
                let okaforAt9 = try b.store.bookAppointment(
                    BookingRequest(patientID: okafor.id, providerID: haddad.id, start: at("09:00")),
                    by: b.receptionist)
                let smithWithWang = try b.store.bookAppointment(
                    BookingRequest(patientID: smith.id, providerID: wang.id, start: at("11:00")), by: b.receptionist)
                for device in [a, b, a] { await device.sync() }

                let everyone = Set([leeAt9.id, smithWithHaddad.id, okaforAt9.id, smithWithWang.id])
                let providerClash = try #require(BookingClash(leeAt9, okaforAt9))
                let patientClash = try #require(BookingClash(smithWithHaddad, smithWithWang))
                #expect(providerClash.kind == .provider && patientClash.kind == .patient)
                for device in [a, b] {
                    let book = try device.store.schedule(on: day).map(\.appointment)
                    #expect(Set(book.map(\.id)) == everyone, "\(device.name) keeps all four appointments")
                    #expect(
                        BookingClash.all(in: book) == [providerClash, patientClash],
                        "\(device.name)'s book marks both clashes")
                    #expect(try device.store.openBookingClashes(on: day).map(\.clash) == [providerClash, patientClash])
                    let conflicts = try device.store.openConflicts()
                    #expect(
                        conflicts.map(\.kind) == [.doubleBooking, .doubleBooking]
                            && Set(conflicts.map(\.field)) == ["provider_id", "patient_id"],
                        "\(device.name) has both to resolve")
                    #expect(try device.store.syncStatus().openConflicts == 2)
                    #expect(try await device.matchesServer())
                }

                // An edit of a clashing appointment travels too, and adds no second conflict anywhere.
                try a.store.changeAppointmentStatus(okaforAt9.id, .confirm, by: a.receptionist)
                for device in [a, b] { await device.sync() }
                #expect(try b.store.openConflicts().count == 2)

                // The receptionist on b moves Okafor to a free slot and Smith's second booking to later:
                // each move settles its clash there and then.
                try b.store.moveAppointment(okaforAt9.id, to: at("09:30"), by: b.receptionist)
                #expect(try b.store.openBookingClashes(on: day).map(\.clash) == [patientClash])
                try b.store.moveAppointment(smithWithWang.id, to: at("11:30"), by: b.receptionist)
                #expect(try b.store.openConflicts().isEmpty && b.store.openBookingClashes(on: day).isEmpty)
                #expect(
                    try b.store.auditEvents(limit: 1).first?.summary.contains("Settled the double booking with") == true
                )

                for device in [b, a] { await device.sync() }
                let book = try a.store.schedule(on: day).map(\.appointment)
                #expect(Set(book.map(\.id)) == everyone)
                #expect(BookingClash.all(in: book).isEmpty, "a's book has no clash once b's moves arrive")
                #expect(try a.store.openBookingClashes(on: day).isEmpty)
                #expect(try a.store.openConflicts().isEmpty, "the arriving moves settled a's conflicts too")
                #expect(try a.store.syncStatus().openConflicts == 0)
                for device in [a, b] { #expect(try await device.matchesServer()) }
            }
        }
    }
}
