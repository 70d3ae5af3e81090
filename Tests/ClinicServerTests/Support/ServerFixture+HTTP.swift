import ClinicCore
import ClinicServer
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import SyncProtocol
import Testing

extension ServerFixture {
    /// Sends a request with an optional bearer credential and raw body.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, credential: String? = nil, body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let credential { headers[.authorization] = "Bearer \(credential)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body)
    }

    /// Sends `value` as a JSON body.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, credential: String? = nil, json value: some Encodable
    ) async throws -> TestResponse {
        try await send(method, uri, credential: credential, body: ByteBuffer(bytes: try JSONEncoder().encode(value)))
    }

    /// Decodes a 200 response as `type`, failing the test with the body otherwise.
    func decode<Value: Decodable>(_ type: Value.Type, _ response: TestResponse) throws -> Value {
        #expect(response.status == .ok, "unexpected \(response.status): \(String(buffer: response.body))")
        return try JSONDecoder().decode(Value.self, from: Data(response.body.readableBytesView))
    }

    /// The error body of a failed response (every error has one).
    func errorBody(_ response: TestResponse) throws -> ErrorBody.Detail {
        try Self.errorBody(response)
    }

    /// The error body of a failed response, without a fixture.
    static func errorBody(_ response: TestResponse) throws -> ErrorBody.Detail {
        try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.readableBytesView)).error
    }

    /// Creates a clinic and returns its first enrollment code.
    func newClinic(_ name: String) async throws -> String {
        try await directory.addClinic(named: name).code.code
    }

    /// Sends an enroll request.
    func enroll(code: String, deviceID: UUID = UUID(), name: String = "front desk") async throws -> TestResponse {
        try await send(.post, SyncRoutes.enroll, json: EnrollRequest(code: code, deviceID: deviceID, deviceName: name))
    }

    /// Enrolls a new device in the clinic named `clinic`, creating the clinic if needed.
    func device(in clinic: String, id: UUID = UUID()) async throws -> TestDevice {
        let code: String
        do {
            code = try await directory.issueCode(forClinicNamed: clinic).code
        } catch ClinicDirectoryError.noSuchClinic {
            code = try await newClinic(clinic)
        }
        let enrolled = try decode(EnrollResponse.self, try await enroll(code: code, deviceID: id))
        return TestDevice(id: id, clinicID: enrolled.clinicID, credential: enrolled.credential, startMillis: nowMillis)
    }

    /// Pushes `changes` as one batch and returns the results (the push must succeed).
    @discardableResult
    func push(_ device: TestDevice, _ changes: [WireChange], batch: UUID = UUID()) async throws -> [ChangeResult] {
        let response = try await send(
            .post, SyncRoutes.push, credential: device.credential,
            json: PushRequest(deviceID: device.id, batchID: batch, changes: changes)
        )
        let push = try decode(PushResponse.self, response)
        #expect(push.batchID == batch)
        #expect(push.results.map(\.changeID) == changes.map(\.changeID))
        return push.results
    }

    /// One pull page.
    func pull(_ device: TestDevice, cursor: Int64 = 0, limit: Int? = nil) async throws -> PullResponse {
        let query = "?cursor=\(cursor)" + (limit.map { "&limit=\($0)" } ?? "")
        return try decode(PullResponse.self, try await send(.get, SyncRoutes.pull + query, credential: device.credential))
    }

    /// Every change after `cursor`, page by page.
    func pullAll(_ device: TestDevice, cursor: Int64 = 0, limit: Int = 1000) async throws -> [PulledChange] {
        var cursor = cursor
        var changes: [PulledChange] = []
        while true {
            let page = try await pull(device, cursor: cursor, limit: limit)
            changes += page.changes
            cursor = page.nextCursor
            if !page.hasMore { return changes }
        }
    }

    func digest(_ device: TestDevice) async throws -> DigestResponse {
        try decode(DigestResponse.self, try await send(.get, SyncRoutes.digest, credential: device.credential))
    }
}
