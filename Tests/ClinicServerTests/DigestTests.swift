import ClinicCore
import ClinicServer
import Crypto
import Foundation
import SyncProtocol
import Testing

@Suite(.requiresPostgreSQL)
struct DigestTests {
    /// The digest as a client computes it: one line per non-null field, sorted by bytes.
    static func expectedDigest(_ fields: [String: FieldValue]) -> (String, Int) {
        let lines = fields.compactMap { key, value -> [UInt8]? in
            value == .null ? nil : Array((key + "\u{1F}" + value.jsonText + "\n").utf8)
        }.sorted { $0.lexicographicallyPrecedes($1) }
        let hash = SHA256.hash(data: lines.flatMap { $0 })
        return (hash.map { String(format: "%02x", $0) }.joined(), lines.count)
    }

    @Test func theDigestMatchesOneComputedFromWhatWasPushed() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            var expected: [String: FieldValue] = [:]
            var changes: [WireChange] = []
            func record(_ table: String, _ row: UUID, _ values: [String: FieldValue]) {
                changes += device.insert(table, row, values)
                for (field, value) in values { expected[[table, row.lowercased, field].joined(separator: "\u{1F}")] = value }
            }
            let patients = (0..<20).map { _ in UUID() }
            for (index, patient) in patients.enumerated() {
                record("patient", patient, [
                    "family_name": .text(["Okafor", "Nguyễn", "王", "Ñúñez", "O'Brien \"Bob\"\nline"][index % 5]),
                    "given_name": .text("Given \(index)"), "birth_date_estimated": .integer(Int64(index % 2)),
                    "phone": index % 3 == 0 ? .null : .text("+254 700 \(index)"),
                ])
                record("patient_identifier", UUID(), [
                    "patient_id": .text(patient.lowercased), "kind": .text("national-id"), "value": .text("ID-\(index)"),
                ])
            }
            record("prescription_item", UUID(), ["dose": .real(2.5), "quantity": .integer(30), "sig": .text("1 tab bid")])
            try await server.push(device, changes)
            let update = device.change("patient", patients[0], "given_name", .text("Adaeze"), base: .text("Given 0"))
            try await server.push(device, [update])
            expected[["patient", patients[0].lowercased, "given_name"].joined(separator: "\u{1F}")] = .text("Adaeze")

            let digest = try await server.digest(device)
            let (hash, count) = Self.expectedDigest(expected)
            #expect(digest.digest == hash)
            #expect(digest.fields == count)
            #expect(digest.cursor == Int64(changes.count + 1))
        }
    }

    @Test func anEmptyClinicHasTheDigestOfNothing() async throws {
        try await ServerFixture.run { server in
            let device = try await server.device(in: "Riverside Clinic")
            let digest = try await server.digest(device)
            #expect(digest.digest == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            #expect(digest.fields == 0)
            #expect(digest.cursor == 0)
        }
    }
}
