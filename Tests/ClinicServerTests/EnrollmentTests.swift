import ClinicCore
import ClinicServer
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import PostgresNIO
import SyncProtocol
import Testing

@Suite(.requiresPostgreSQL)
struct EnrollmentTests {
    @Test func aCodeEnrollsOneDeviceWhoseCredentialWorks() async throws {
        try await ServerFixture.run { server in
            let code = try await server.newClinic("Riverside Clinic")
            let deviceID = UUID()
            let enrolled = try server.decode(EnrollResponse.self, try await server.enroll(code: code, deviceID: deviceID))
            #expect(enrolled.deviceID == deviceID)
            #expect(enrolled.clinicName == "Riverside Clinic")
            // 32 random bytes as unpadded base64url.
            #expect(enrolled.credential.count == 43)
            #expect(enrolled.credential.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })

            let pull = try await server.send(.get, SyncRoutes.pull, credential: enrolled.credential)
            #expect(pull.status == .ok)

            let again = try await server.enroll(code: code, deviceID: UUID())
            #expect(again.status == .forbidden)
            #expect(try server.errorBody(again).code == ErrorCode.invalidEnrollmentCode.rawValue)
        }
    }

    @Test func badUsedAndExpiredCodesGetOneAnswer() async throws {
        try await ServerFixture.run { server in
            let used = try await server.newClinic("Riverside Clinic")
            _ = try server.decode(EnrollResponse.self, try await server.enroll(code: used))
            let expiring = try await server.directory.issueCode(forClinicNamed: "Riverside Clinic").code
            server.clock.advance(by: 8 * 24 * 3600)

            var messages: Set<String> = []
            for code in [used, expiring, "ZZZZ-ZZZZ-ZZZZ", "not a code", ""] {
                let response = try await server.enroll(code: code)
                #expect(response.status == .forbidden)
                let error = try server.errorBody(response)
                #expect(error.code == "invalid_enrollment_code")
                messages.insert(error.message)
            }
            #expect(messages.count == 1)
            #expect(try await server.count("device") == 1)
        }
    }

    @Test func codesIgnoreCaseDashesAndSpaces() async throws {
        try await ServerFixture.run { server in
            let code = try await server.newClinic("Riverside Clinic")
            let typed = " " + code.lowercased().replacingOccurrences(of: "-", with: " ") + " "
            #expect(try await server.enroll(code: typed).status == .ok)
        }
    }

    @Test func anEnrolledDeviceIDCannotEnrollAgain() async throws {
        try await ServerFixture.run { server in
            let device = try await server.device(in: "Riverside Clinic")
            let code = try await server.directory.issueCode(forClinicNamed: "Riverside Clinic").code
            let response = try await server.enroll(code: code, deviceID: device.id)
            #expect(response.status == .conflict)
            #expect(try server.errorBody(response).code == "device_already_enrolled")
            // The code was not spent on the refused enrollment.
            #expect(try await server.enroll(code: code).status == .ok)
        }
    }

    @Test func onlyHashesOfCredentialsAndCodesAreStored() async throws {
        try await ServerFixture.run { server in
            let code = try await server.newClinic("Riverside Clinic")
            let enrolled = try server.decode(EnrollResponse.self, try await server.enroll(code: code))
            let expected = SHA256.hash(data: Array(enrolled.credential.utf8)).map { String(format: "%02x", $0) }.joined()

            let rows = try await server.database.client.query("SELECT credential_hash, row_to_json(device)::text FROM device")
            for try await (hash, row) in rows.decode((String, String).self) {
                #expect(hash == expected)
                #expect(!row.contains(enrolled.credential))
            }
            let codes = try await server.database.client.query("SELECT row_to_json(enrollment_code)::text FROM enrollment_code")
            let normalized = code.replacingOccurrences(of: "-", with: "")
            for try await row in codes.decode(String.self) {
                #expect(!row.contains(code) && !row.contains(normalized))
            }
        }
    }

    @Test func enrollmentChecksTheSchemaVersionAndBody() async throws {
        try await ServerFixture.run { server in
            let code = try await server.newClinic("Riverside Clinic")
            let old = try await server.send(
                .post, SyncRoutes.enroll, json: EnrollRequest(schemaVersion: 99, code: code, deviceID: UUID(), deviceName: "x")
            )
            #expect(old.status == .badRequest)
            #expect(try server.errorBody(old).code == "unsupported_schema_version")
            let malformed = try await server.send(.post, SyncRoutes.enroll, body: ByteBuffer(string: #"{"code": 12"#))
            #expect(malformed.status == .badRequest)
            #expect(try server.errorBody(malformed).code == "malformed_json")
            #expect(try await server.enroll(code: code).status == .ok)
        }
    }
}

@Suite(.requiresPostgreSQL)
struct DeviceRevocationAndThrottleTests {
    @Test func aRevokedDevicesCredentialStopsWorkingAtOnce() async throws {
        try await ServerFixture.run { server in
            let code = try await server.newClinic("Riverside Clinic")
            let enrolled = try server.decode(EnrollResponse.self, try await server.enroll(code: code))
            #expect(try await server.send(.get, SyncRoutes.pull, credential: enrolled.credential).status == .ok)
            let revoked = try await server.directory.revoke(device: enrolled.deviceID, reason: "laptop stolen")
            #expect(revoked.revokeReason == "laptop stolen")
            let refused = try await server.send(.get, SyncRoutes.pull, credential: enrolled.credential)
            #expect(refused.status == .unauthorized)
            #expect(try server.errorBody(refused).code == ErrorCode.invalidCredential.rawValue)
            await #expect(throws: ClinicDirectoryError.noSuchDevice(UUID(uuidString: "00000000-0000-7000-8000-000000000000")!
                .uuidString.lowercased())) {
                _ = try await server.directory.revoke(device: UUID(uuidString: "00000000-0000-7000-8000-000000000000")!, reason: "x")
            }
        }
    }

    @Test func tenWrongCodesFromOneAddressRefuseItForTenMinutesEvenWithARightCode() async throws {
        try await ServerFixture.run { server in
            let code = try await server.newClinic("Riverside Clinic")
            for _ in 1...9 { #expect(try await server.enroll(code: "ZZZZ-ZZZZ-ZZZZ").status == .forbidden) }
            let tenth = try await server.enroll(code: "ZZZZ-ZZZZ-ZZZZ")
            #expect(tenth.status == .tooManyRequests)
            #expect(try server.errorBody(tenth).message.hasPrefix("Too many wrong enrollment codes from this address; try again after "))
            let right = try await server.enroll(code: code)
            #expect(right.status == .tooManyRequests, "the right code waits too")
            server.clock.advance(by: 10 * 60)
            #expect(try await server.enroll(code: code).status == .ok)
            #expect(try await server.count("device") == 1)
        }
    }
}
