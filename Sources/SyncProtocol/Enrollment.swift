public import Foundation

/// `POST /v1/devices/enroll`: a one-time code from the clinic's operator → a device credential.
public struct EnrollRequest: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    public var code: String
    /// The device's own id (it stamps every change the device has made, offline or not).
    public var deviceID: UUID
    public var deviceName: String

    public init(schemaVersion: Int = WireVersion.current, code: String, deviceID: UUID, deviceName: String) {
        self.schemaVersion = schemaVersion
        self.code = code
        self.deviceID = deviceID
        self.deviceName = deviceName
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", code, deviceID = "device_id", deviceName = "device_name"
    }
}

/// The clinic the device now belongs to and its secret credential (shown once, stored hashed by the server).
public struct EnrollResponse: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    public var clinicID: UUID
    public var clinicName: String
    public var deviceID: UUID
    /// `Authorization: Bearer <credential>` on every later request.
    public var credential: String

    public init(schemaVersion: Int = WireVersion.current, clinicID: UUID, clinicName: String, deviceID: UUID, credential: String) {
        self.schemaVersion = schemaVersion
        self.clinicID = clinicID
        self.clinicName = clinicName
        self.deviceID = deviceID
        self.credential = credential
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", clinicID = "clinic_id", clinicName = "clinic_name"
        case deviceID = "device_id", credential
    }
}
