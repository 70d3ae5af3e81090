import ClinicCore
import ClinicServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncProtocol
import Testing

@Suite(.requiresPostgreSQL)
struct BadInputTests {
    /// Sends `body` as a push and checks the status, the error code and that nothing was written;
    /// then checks that a good push still succeeds.
    static func expectRefused(
        _ server: ServerFixture, _ device: inout TestDevice, credential: String?, body: ByteBuffer?,
        status: HTTPResponse.Status, code: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await server.writtenCounts()
        let response = try await server.send(.post, SyncRoutes.push, credential: credential, body: body)
        #expect(response.status == status, sourceLocation: sourceLocation)
        let error = try server.errorBody(response)
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
        #expect(try await server.writtenCounts() == before, sourceLocation: sourceLocation)

        let good = device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
        #expect(try await server.push(device, [good]).map(\.outcome) == [.applied], sourceLocation: sourceLocation)
    }

    static func json(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONEncoder().encode(value))
    }

    @Test func malformedAndOversizedRequestsAreRefusedAndTheServerKeepsServing() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let credential = device.credential
            try await Self.expectRefused(
                server, &device, credential: credential, body: ByteBuffer(string: #"{"device": "#),
                status: .badRequest, code: "malformed_json"
            )
            try await Self.expectRefused(
                server, &device, credential: credential, body: ByteBuffer(string: #"{"device": 42, "changes": []}"#),
                status: .badRequest, code: "malformed_json"
            )
            let tooMany = (0...SyncLimits.maxBatch).map { _ in
                device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
            }
            try await Self.expectRefused(
                server, &device, credential: credential,
                body: try Self.json(PushRequest(deviceID: device.id, batchID: UUID(), changes: tooMany)),
                status: .contentTooLarge, code: "batch_too_large"
            )
            let huge = device.change("patient", UUID(), "address_line", .text(String(repeating: "x", count: 9 * 1024 * 1024)))
            try await Self.expectRefused(
                server, &device, credential: credential,
                body: try Self.json(PushRequest(deviceID: device.id, batchID: UUID(), changes: [huge])),
                status: .contentTooLarge, code: "body_too_large"
            )
            let change = device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
            try await Self.expectRefused(
                server, &device, credential: credential,
                body: try Self.json(PushRequest(schemaVersion: 0, deviceID: device.id, batchID: UUID(), changes: [change])),
                status: .badRequest, code: "unsupported_schema_version"
            )
        }
    }

    @Test func missingAndForgedCredentialsAreRefused() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let change = device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
            let body = try Self.json(PushRequest(deviceID: device.id, batchID: UUID(), changes: [change]))
            try await Self.expectRefused(
                server, &device, credential: nil, body: body, status: .unauthorized, code: "missing_credential"
            )
            var forged = Array(device.credential)
            forged[0] = forged[0] == "A" ? "B" : "A"
            for credential in [String(forged), "x", String(repeating: "A", count: 43)] {
                try await Self.expectRefused(
                    server, &device, credential: credential, body: body, status: .unauthorized, code: "invalid_credential"
                )
            }
            var headers = HTTPFields()
            headers[.authorization] = "Basic \(device.credential)"
            let basic = try await server.client.execute(uri: SyncRoutes.pull, method: .get, headers: headers)
            #expect(basic.status == .unauthorized)
            for route in [SyncRoutes.pull, SyncRoutes.digest] {
                let response = try await server.send(.get, route)
                #expect(response.status == .unauthorized)
                #expect(try server.errorBody(response).code == "missing_credential")
            }
        }
    }

    @Test func unknownRoutesAnswerNotFoundInJSON() async throws {
        try await ServerFixture.run { server in
            for (method, uri) in [(HTTPRequest.Method.get, "/"), (.get, "/v1/nothing"), (.get, SyncRoutes.push), (.delete, SyncRoutes.pull)] {
                let response = try await server.send(method, uri)
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(try server.errorBody(response).code == "not_found")
            }
        }
    }
}
