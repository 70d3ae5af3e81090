import ClinicCore
import ClinicServerTesting
import ClinicStore
import ClinicSync
import Foundation
import Testing

extension SyncSuite {
    /// Three devices of one clinic make random changes offline and sync in random order; at the end
    /// every device and the server hold exactly the same data. Fixed seeds, so a failure can be replayed.
    @Suite("Randomized convergence", .serialized)
    struct ConvergenceTests {
        static var cases: Int { Int(ProcessInfo.processInfo.environment["CLINICDESK_CONVERGENCE_CASES"] ?? "") ?? 80 }

        @Test func threeDevicesConvergeWhateverTheyDoAndWhateverTheOrder() async throws {
            try await SyncWorld.run { world in
                var failures: [UInt64] = []
                for seed in 1...UInt64(Self.cases) {
                    if try await !runCase(seed: seed, world: world) { failures.append(seed) }
                }
                #expect(failures.isEmpty, "seeds that did not converge: \(failures)")
            }
        }

        /// One case: returns whether all devices and the server ended identical.
        private func runCase(seed: UInt64, world: SyncWorld) async throws -> Bool {
            var random = SplitMix64(state: seed)
            let clinic = "Clinic \(seed)"
            var devices: [SyncDevice] = []
            for name in ["a\(seed)", "b\(seed)", "c\(seed)"] {
                // Up to a minute apart, and an hour behind the server so that walking forward never runs ahead of it.
                let clock = ManualClock(Date().addingTimeInterval(-3_600 + Double(Int.random(in: -30...30, using: &random))))
                devices.append(try await world.device(name, clinic: clinic, clock: clock))
            }
            let provider = try devices[0].store.createProvider(displayName: "Dr Case \(seed)", specialty: .generalPractice,
                                                               defaultSlotMinutes: 15, by: .system("test"))
            await devices[0].sync()
            for _ in 0..<Int.random(in: 10...22, using: &random) {
                let device = devices[Int.random(in: 0..<3, using: &random)]
                device.clock.advance(by: Double(Int.random(in: 0...90, using: &random)))
                try RandomOperation.perform(on: device, provider: provider.id, random: &random)
                if Int.random(in: 0..<4, using: &random) == 0 {
                    await devices[Int.random(in: 0..<3, using: &random)].sync()
                }
            }
            for device in devices + devices { await device.sync() }
            var converged = true
            for device in devices where try await !device.matchesServer() || !device.store.quarantinedChanges().isEmpty { converged = false }
            if !converged, ProcessInfo.processInfo.environment["CLINICDESK_CONVERGENCE_DEBUG"] != nil {
                var sets: [Set<String>] = []
                for device in devices {
                    var lines = Set<String>()
                    try device.store.forEachDigestLine { lines.insert($0) }
                    sets.append(lines)
                }
                let all = sets.reduce(Set<String>()) { $0.union($1) }
                for line in all.sorted() where !sets.allSatisfy({ $0.contains(line) }) {
                    print("seed \(seed): \(sets.map { $0.contains(line) ? "+" : "-" }.joined()) \(line.replacingOccurrences(of: "\u{1F}", with: " | "))", terminator: "")
                }
            }
            return converged
        }
    }
}

/// What a device may do between syncs: register, edit a field, book, move an appointment on,
/// record an allergy, check someone in, remove a record.
enum RandomOperation {
    static func perform(on device: SyncDevice, provider: EntityID<Provider>, random: inout SplitMix64) throws {
        let store = device.store
        let patients = try store.searchPatients(text: "a", limit: 50) + store.searchPatients(text: "e", limit: 50)
        let day = CalendarDate(iso: "2026-12-0\(Int.random(in: 1...7, using: &random))")!
        let appointments = try (1...7).flatMap { try store.schedule(on: CalendarDate(iso: "2026-12-0\($0)")!) }
        let names = ["Ana", "Eve", "Jose", "Mei", "Tran", "Lea", "Sami"]
        do {
            switch Int.random(in: 0..<10, using: &random) {
            case 0, 1:
                _ = try device.register(names.randomElement(using: &random)!, names.randomElement(using: &random)!,
                                        born: "19\(Int.random(in: 40...99, using: &random))-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))")
            case 2, 3, 4:
                guard let patient = patients.randomElement(using: &random) else { return }
                let choice = Int.random(in: 0..<4, using: &random)
                try device.edit(patient.id) { details in
                    switch choice {
                    case 0: details.phone = try PhoneNumber(parsing: "07\(Int.random(in: 10_000_000...99_999_999, using: &random))")
                    case 1: details.address.city = ["Riverside", "Hillview", "Lakeside"].randomElement(using: &random)!
                    case 2: details.givenName = names.randomElement(using: &random)!
                    default: details.birthDate = BirthDate(date: CalendarDate(iso: "1970-01-0\(Int.random(in: 1...9, using: &random))")!)
                    }
                }
            case 5:
                guard let patient = patients.randomElement(using: &random) else { return }
                try store.bookAppointment(BookingRequest(
                    patientID: patient.id, providerID: provider,
                    start: LocalDateTime(date: day, time: ClockTime(hour: Int.random(in: 8...16, using: &random), minute: 0)!),
                    acceptingProblems: true, overbookReason: "convergence test"), by: device.doctor)
            case 6, 7:
                guard let entry = appointments.randomElement(using: &random) else { return }
                let steps: [AppointmentTransition] = [.confirm, .cancel(reason: "Rebooked"), .markNoShow]
                try store.changeAppointmentStatus(entry.appointment.id, steps.randomElement(using: &random)!, by: device.receptionist)
            case 8:
                guard let patient = patients.randomElement(using: &random) else { return }
                try store.recordAllergy(patient: patient.id, substance: ["Latex", "Penicillins", "Peanut"].randomElement(using: &random)!,
                                        kind: .other, reaction: "Rash", severity: .mild, by: device.doctor)
            default:
                guard let patient = patients.randomElement(using: &random) else { return }
                try store.deletePatient(patient.id, reason: "Registered twice", by: device.receptionist)
            }
        } catch is StoreError {
            return  // a refused operation (illegal transition, removed patient) is part of random play
        }
    }
}
