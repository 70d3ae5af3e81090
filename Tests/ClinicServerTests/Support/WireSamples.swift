import ClinicCore
import Foundation
import SyncProtocol
import Testing

/// Sample values of every wire type, encoded the way the server and client encode them.
enum WireSamples {
    /// One schema's encodings: with every optional field set, and with none.
    struct Sample: Sendable, CustomTestStringConvertible {
        let schema: String
        let fullKeys: Set<String>
        let minimalKeys: Set<String>

        var testDescription: String { schema }
    }

    static func keys(_ value: some Encodable, at path: [String] = []) -> Set<String> {
        guard let data = try? JSONEncoder().encode(value),
              var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return [] }
        for key in path {
            guard let inner = object[key] as? [String: Any] else { return [] }
            object = inner
        }
        return Set(object.keys)
    }

    static func sample(_ schema: String, full: some Encodable, minimal: some Encodable, path: [String] = []) -> Sample {
        Sample(schema: schema, fullKeys: keys(full, at: path), minimalKeys: keys(minimal, at: path))
    }

    static let device = UUID()
    static let hlc = HLCTimestamp(millis: 1_795_000_000_000, counter: 1, device: device)

    static let fullChange = WireChange(
        changeID: UUID(), transactionID: UUID(), table: "patient", rowID: UUID(), operation: .update,
        field: "phone", value: .text("+254 700 000 001"), base: .null, values: ["phone": .text("+254")], hlc: hlc, userID: UUID()
    )
    static let minimalChange = WireChange(
        changeID: UUID(), transactionID: UUID(), table: "patient", rowID: UUID(), operation: .snapshot, hlc: hlc, userID: nil
    )
    static let fullResult = ChangeResult(changeID: UUID(), outcome: .duplicate, originalOutcome: .rejected, reason: "why")
    static let minimalResult = ChangeResult(changeID: UUID(), outcome: .applied)

    static let all: [Sample] = {
        let enroll = EnrollRequest(code: "K7QM-3XHD-9PRT", deviceID: device, deviceName: "front desk")
        let enrolled = EnrollResponse(clinicID: UUID(), clinicName: "Riverside", deviceID: device, credential: "secret")
        let push = PushRequest(deviceID: device, batchID: UUID(), changes: [minimalChange])
        let pushed = PushResponse(batchID: UUID(), results: [minimalResult])
        let pulledChange = PulledChange(sequence: 1, originDevice: device, change: minimalChange)
        let pull = PullResponse(changes: [pulledChange], nextCursor: 1, hasMore: false)
        let digest = DigestResponse(digest: String(repeating: "0", count: 64), fields: 0, cursor: 0)
        let error = ErrorBody(code: .notFound, message: "no such route")
        let auditLink = AuditLink(seq: 1, id: "e1", at: "2026-12-08T02:30:00Z", deviceID: device.uuidString, userID: nil, actor: "ada",
                                  action: "user.create", entityTable: "user_account", entityID: "u1", patientID: nil, summary: "s",
                                  hlc: nil, hash: String(repeating: "0", count: 64))
        let auditEvents = AuditEventsResponse(events: [WireAuditEvent(auditLink)!], hasMore: false)
        return [
            sample("EnrollRequest", full: enroll, minimal: enroll),
            sample("AuditEventsResponse", full: auditEvents, minimal: auditEvents),
            sample("EnrollResponse", full: enrolled, minimal: enrolled),
            sample("PushRequest", full: push, minimal: push),
            sample("PushResponse", full: pushed, minimal: pushed),
            sample("ChangeResult", full: fullResult, minimal: minimalResult),
            sample("WireChange", full: fullChange, minimal: minimalChange),
            sample("PulledChange", full: pulledChange, minimal: pulledChange),
            sample("PullResponse", full: pull, minimal: pull),
            sample("DigestResponse", full: digest, minimal: digest),
            sample("HealthResponse", full: HealthResponse(status: "ready", database: "ok"), minimal: HealthResponse(status: "ok")),
            sample("ErrorBody", full: error, minimal: error),
            sample("ErrorDetail", full: error, minimal: error, path: ["error"]),
        ]
    }()
}
