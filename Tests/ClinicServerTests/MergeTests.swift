import ClinicCore
import ClinicServer
import Foundation
import PostgresNIO
import SyncProtocol
import Testing

@Suite(.requiresPostgreSQL)
struct MergeTests {
    /// Two devices of one clinic that both have the patient `Okafor, Ada`.
    static func twoDevicesWithAPatient(
        _ server: ServerFixture, extra: [String: FieldValue] = [:]
    ) async throws -> (TestDevice, TestDevice, UUID) {
        var front = try await server.device(in: "Riverside Clinic")
        var back = try await server.device(in: "Riverside Clinic")
        let patient = UUID()
        let insert = front.insert("patient", patient, [
            "family_name": .text("Okafor"), "given_name": .text("Ada"), "phone": .text("+254 700 000 001"),
        ].merging(extra) { $1 })
        try await server.push(front, insert)
        back.receive(insert)
        return (front, back, patient)
    }

    /// The winning value of one field, as the digest would hash it.
    static func value(_ server: ServerFixture, _ row: UUID, _ field: String) async throws -> String? {
        let rows = try await server.database.client.query(
            "SELECT value FROM row_field WHERE row_id = \(row) AND field = \(field)"
        )
        for try await value in rows.decode(String.self) { return value }
        return nil
    }

    /// The conflicts recorded, oldest first: kind, field, current and incoming values, winner.
    static func conflicts(_ server: ServerFixture) async throws -> [[String]] {
        let rows = try await server.database.client.query(
            "SELECT kind, field, current_value, incoming_value, winner FROM conflict ORDER BY created_at, incoming_hlc"
        )
        var result: [[String]] = []
        for try await (kind, field, current, incoming, winner) in rows.decode((String, String, String, String, String).self) {
            result.append([kind, field, current, incoming, winner])
        }
        return result
    }

    @Test func differentFieldsOfOnePatientBothApply() async throws {
        try await ServerFixture.run { server in
            var (front, back, patient) = try await Self.twoDevicesWithAPatient(server)
            let phone = front.change("patient", patient, "phone", .text("+254 700 000 002"), base: .text("+254 700 000 001"))
            let name = back.change("patient", patient, "given_name", .text("Adaeze"), base: .text("Ada"))
            #expect(try await server.push(front, [phone]).map(\.outcome) == [.applied])
            #expect(try await server.push(back, [name]).map(\.outcome) == [.applied])
            #expect(try await Self.value(server, patient, "phone") == #""+254 700 000 002""#)
            #expect(try await Self.value(server, patient, "given_name") == #""Adaeze""#)
            #expect(try await server.count("conflict") == 0)
        }
    }

    @Test func sameFieldFromTheSameBaseLaterClockWinsAndTheLoserIsRecorded() async throws {
        try await ServerFixture.run { server in
            var (front, back, patient) = try await Self.twoDevicesWithAPatient(server)
            let earlier = front.change("patient", patient, "phone", .text("+254 711 111 111"), base: .text("+254 700 000 001"))
            let later = back.change(
                "patient", patient, "phone", .text("+254 722 222 222"), base: .text("+254 700 000 001"), advance: 5000
            )
            // The later write arrives first; the earlier one then loses, and is recorded.
            #expect(try await server.push(back, [later]).map(\.outcome) == [.applied])
            let results = try await server.push(front, [earlier])
            #expect(results.map(\.outcome) == [.conflict])
            #expect(results[0].reason?.contains("phone") == true)
            #expect(try await Self.value(server, patient, "phone") == #""+254 722 222 222""#)
            #expect(try await Self.conflicts(server) == [
                ["concurrent-edit", "phone", #""+254 722 222 222""#, #""+254 711 111 111""#, "current"],
            ])
        }
    }

    @Test func dateOfBirthChangedOnBothDevicesIsASafetyConflict() async throws {
        try await ServerFixture.run { server in
            var (front, back, patient) = try await Self.twoDevicesWithAPatient(server, extra: ["birth_date": .text("1980-01-01")])
            let one = front.change("patient", patient, "birth_date", .text("1980-01-10"), base: .text("1980-01-01"))
            let two = back.change("patient", patient, "birth_date", .text("1981-01-01"), base: .text("1980-01-01"), advance: 10)
            #expect(try await server.push(front, [one]).map(\.outcome) == [.applied])
            let results = try await server.push(back, [two])
            #expect(results.map(\.outcome) == [.conflict])
            #expect(try await Self.conflicts(server) == [
                ["safety", "birth_date", #""1980-01-10""#, #""1981-01-01""#, "incoming"],
            ])
        }
    }

    @Test(arguments: [true, false])
    func cancelledBeatsConfirmedWhicheverArrivesFirst(cancelledFirst: Bool) async throws {
        try await ServerFixture.run { server in
            var front = try await server.device(in: "Riverside Clinic")
            var back = try await server.device(in: "Riverside Clinic")
            let appointment = UUID()
            try await server.push(front, front.insert("appointment", appointment, ["status": .text("booked")]))
            // Cancelled carries the earlier clock: the later stage wins anyway.
            let cancel = back.change("appointment", appointment, "status", .text("cancelled"), base: .text("booked"))
            let confirm = front.change(
                "appointment", appointment, "status", .text("confirmed"), base: .text("booked"), advance: 60_000
            )
            if cancelledFirst {
                try await server.push(back, [cancel])
                #expect(try await server.push(front, [confirm]).map(\.outcome) == [.conflict])
            } else {
                try await server.push(front, [confirm])
                #expect(try await server.push(back, [cancel]).map(\.outcome) == [.conflict])
            }
            #expect(try await Self.value(server, appointment, "status") == #""cancelled""#)
            #expect(try await Self.conflicts(server).map { $0[0] } == ["status"])
        }
    }

    @Test func twoCorrectionsOfOneAllergyAreBothKeptForClinicalReview() async throws {
        try await ServerFixture.run { server in
            var front = try await server.device(in: "Riverside Clinic")
            var back = try await server.device(in: "Riverside Clinic")
            let patient = UUID()
            let original = UUID()
            try await server.push(front, front.insert("allergy", original, [
                "patient_id": .text(patient.lowercased), "substance": .text("penicillin"), "severity": .text("mild"),
            ]))
            let correctionA = UUID()
            let correctionB = UUID()
            let a = front.insert("allergy", correctionA, [
                "patient_id": .text(patient.lowercased), "substance": .text("penicillin"), "severity": .text("severe"),
                "supersedes_id": .text(original.lowercased),
            ])
            let b = back.insert("allergy", correctionB, [
                "patient_id": .text(patient.lowercased), "substance": .text("amoxicillin"), "severity": .text("moderate"),
                "supersedes_id": .text(original.lowercased),
            ])
            #expect(try await server.push(front, a).allSatisfy { $0.outcome == .applied })
            let results = try await server.push(back, b)
            #expect(results.filter { $0.outcome == .conflict }.count == 1)
            #expect(results.first { $0.outcome == .conflict }?.reason == "supersedes_id: corrected twice — clinician review")
            // Both corrections are kept, whole.
            #expect(try await Self.value(server, correctionA, "severity") == #""severe""#)
            #expect(try await Self.value(server, correctionB, "severity") == #""moderate""#)
            let rows = try await server.database.client.query(
                "SELECT kind, row_id, related_row_id, winner FROM conflict"
            )
            var found: [(String, UUID, UUID?, String)] = []
            for try await row in rows.decode((String, UUID, UUID?, String).self) { found.append(row) }
            #expect(found.count == 1)
            #expect(found.first?.0 == "clinical")
            #expect(found.first?.1 == correctionB)
            #expect(found.first?.2 == correctionA)
            #expect(found.first?.3 == "both")
        }
    }

    @Test func clinicalFactsAreAppendOnlyButMayBeRemoved() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let allergy = UUID()
            try await server.push(device, device.insert("allergy", allergy, ["substance": .text("penicillin")]))
            let edit = device.change("allergy", allergy, "substance", .text("amoxicillin"), base: .text("penicillin"))
            let remove = device.change("allergy", allergy, "deleted_at", .text("2026-11-18T17:00:00Z"), operation: .delete)
            let results = try await server.push(device, [edit, remove])
            #expect(results.map(\.outcome) == [.rejected, .applied])
            #expect(results[0].reason?.hasPrefix("clinical facts are append-only") == true)
            #expect(try await Self.value(server, allergy, "substance") == #""penicillin""#)
        }
    }
}
