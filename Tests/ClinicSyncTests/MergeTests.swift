import ClinicCore
import ClinicServerTesting
import ClinicStore
import ClinicSync
import Foundation
import Testing

extension SyncSuite {
    @Suite("Sync merges", .serialized)
    struct MergeTests {
        /// Two devices that both hold `Smith, John` and then go offline.
        func twoDevicesSharingAPatient(_ world: SyncWorld) async throws -> (SyncDevice, SyncDevice, Patient) {
            let a = try await world.device("a", clinic: "Riverside")
            let b = try await world.device("b", clinic: "Riverside")
            let smith = try a.register("Smith", "John", born: "1980-05-02", phone: "07911 123456")
            await a.sync()
            await b.sync()
            return (a, b, smith)
        }

        @Test func differentFieldsEditedOfflineBothSurviveWithoutConflict() async throws {
            try await SyncWorld.run { world in
                let (a, b, smith) = try await twoDevicesSharingAPatient(world)
                try a.edit(smith.id) { $0.phone = try PhoneNumber(parsing: "0700 000 001") }
                b.clock.advance(by: 5)
                try b.edit(smith.id) { $0.address.city = "Hillview" }
                for device in [a, b, a] { await device.sync() }
                for device in [a, b] {
                    let details = try #require(try device.store.patient(smith.id)).details
                    #expect(details.phone?.normalized == "0700000001" && details.address.city == "Hillview", "\(device.name)")
                    #expect(try device.store.openConflicts().isEmpty)
                    #expect(try await device.matchesServer())
                }
            }
        }

        @Test func theSameFieldEditedOfflineTakesTheLaterWriteAndRecordsBoth() async throws {
            try await SyncWorld.run { world in
                let (a, b, smith) = try await twoDevicesSharingAPatient(world)
                try a.edit(smith.id) { $0.phone = try PhoneNumber(parsing: "0700 000 001") }
                b.clock.advance(by: 60)  // b writes a minute later
                try b.edit(smith.id) { $0.phone = try PhoneNumber(parsing: "0700 000 002") }
                for device in [a, b, a] { await device.sync() }
                for device in [a, b] {
                    #expect(try device.store.patient(smith.id)?.details.phone?.normalized == "0700000002", "\(device.name): the later write wins")
                    #expect(try await device.matchesServer())
                }
                let conflict = try #require(try a.store.openConflicts().first)
                #expect(conflict.kind == .concurrentEdit && conflict.field == "phone")
                #expect(Set([conflict.localValue, conflict.remoteValue]) == [.text("0700000001"), .text("0700000002")])
                #expect(conflict.shownValue == .text("0700000002"))
                #expect(conflict.subject == "Smith, John (\(smith.mrn))")
                #expect(try b.store.openConflicts().map(\.field) == ["phone"], "both devices show it")
            }
        }

        @Test func dateOfBirthChangedOnBothIsKeptAsAFlaggedSafetyConflict() async throws {
            try await SyncWorld.run { world in
                let (a, b, smith) = try await twoDevicesSharingAPatient(world)
                try a.edit(smith.id) { $0.birthDate = BirthDate(date: CalendarDate(iso: "1980-02-05")!) }
                b.clock.advance(by: 60)
                try b.edit(smith.id) { $0.birthDate = BirthDate(date: CalendarDate(iso: "1981-05-02")!) }
                for device in [a, b, a] { await device.sync() }
                let conflict = try #require(try a.store.openConflicts().first)
                #expect(conflict.kind == .safety && conflict.kind.needsDecision && conflict.field == "birth_date")
                #expect(Set([conflict.localValue, conflict.remoteValue]) == [.text("1980-02-05"), .text("1981-05-02")], "both values kept")
                #expect(try await a.matchesServer())
                #expect(try await b.matchesServer())
                // A doctor settles it; the choice is audited and syncs like any edit.
                try a.store.resolveConflict(conflict.id, keeping: .keepRemote, by: a.doctor)
                #expect(try a.store.openConflicts().isEmpty)
                let audit = try #require(try a.store.auditEvents(limit: 1).first)
                #expect(audit.action == "sync.resolve-conflict" && audit.actor == "amina-a")
                await a.sync()
                await b.sync()
                #expect(try b.store.patient(smith.id)?.details.birthDate?.date == (conflict.remoteValue.text.flatMap(CalendarDate.init(iso:))))
                #expect(try await a.matchesServer())
                #expect(try await b.matchesServer())
            }
        }

        @Test func appointmentStatusMergesByStageWhateverTheOrder() async throws {
            try await SyncWorld.run { world in
                let a = try await world.device("a", clinic: "Riverside")
                let b = try await world.device("b", clinic: "Riverside")
                let provider = try a.store.createProvider(displayName: "Dr Wang", specialty: .paediatrics, defaultSlotMinutes: 20, by: .system("t"))
                let patient = try a.register("Lee", "Ann")
                let appointment = try a.store.bookAppointment(BookingRequest(
                    patientID: patient.id, providerID: provider.id,
                    start: LocalDateTime(date: CalendarDate(iso: "2026-12-01")!, time: ClockTime("10:00")!), acceptingProblems: true,
                    overbookReason: "no hours set in this test"), by: a.doctor)
                await a.sync()
                await b.sync()
                b.clock.advance(by: 60)
                try b.store.changeAppointmentStatus(appointment.id, .confirm, by: b.receptionist)  // later, but an earlier stage
                try a.store.changeAppointmentStatus(appointment.id, .cancel(reason: "Family emergency"), by: a.receptionist)
                for device in [b, a, b] { await device.sync() }
                for device in [a, b] {
                    #expect(try device.store.schedule(on: CalendarDate(iso: "2026-12-01")!).first?.appointment.status == .cancelled,
                            "\(device.name): cancelled is a later stage than confirmed")
                    #expect(try await device.matchesServer())
                }
                #expect(try b.store.openConflicts().first?.kind == .status)
            }
        }

        @Test func aDeviceWhoseClockIsTwoHoursFastIsRefusedWithAReason() async throws {
            try await SyncWorld.run { world in
                let fast = ManualClock(Date().addingTimeInterval(2 * 3600))
                let device = try await world.device("fast", clinic: "Riverside", clock: fast)
                let patient = try device.register("Early", "Eve")
                await device.sync()
                let refused = try device.store.quarantinedChanges()
                #expect(!refused.isEmpty)
                #expect(refused.allSatisfy { $0.reason.hasPrefix("device clock is 72") && $0.reason.hasSuffix("s ahead of the server; fix the device's date and time") })
                #expect(try device.store.syncStatus().quarantined == refused.count)
                #expect(try device.store.pendingChangeCount() == 0, "refused changes are kept aside, not blocking the outbox")
                #expect(try device.store.patient(patient.id) != nil, "and nothing is lost locally")
            }
        }
    }
}
