import ClinicCore
import Foundation
import GRDB

/// The single row of `local_device`: who this database is and its clocks and counters.
struct LocalDeviceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "local_device"

    var singleton = 1
    var deviceID: String
    var deviceName: String
    var clinicID: String
    var mrnPrefix: String
    var mrnCounter: Int
    var hlcMillis: Int64
    var hlcCounter: Int
    var isDemo: Bool
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case singleton
        case deviceID = "device_id", deviceName = "device_name", clinicID = "clinic_id"
        case mrnPrefix = "mrn_prefix", mrnCounter = "mrn_counter", hlcMillis = "hlc_millis"
        case hlcCounter = "hlc_counter", isDemo = "is_demo", createdAt = "created_at"
    }

    var device: Device {
        get throws {
            Device(id: try EntityID(stored: deviceID), name: deviceName, mrnPrefix: mrnPrefix)
        }
    }

    var clock: HybridLogicalClock {
        get throws {
            HybridLogicalClock(device: try UUID(stored: deviceID), millis: UInt64(hlcMillis), counter: UInt16(hlcCounter))
        }
    }
}

/// A row of `clinic`.
struct ClinicRecord: SyncedRecord {
    static let databaseTableName = "clinic"

    var id: String
    var name: String
    var timeZone: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, name, hlc
        case timeZone = "time_zone", createdAt = "created_at", deletedAt = "deleted_at"
        case deleteReason = "delete_reason", originDevice = "origin_device"
    }

    var clinic: Clinic {
        get throws { Clinic(id: try EntityID(stored: id), name: name, timeZoneIdentifier: timeZone) }
    }
}

/// A row of `user_account`.
struct UserRecord: SyncedRecord {
    static let databaseTableName = "user_account"

    var id: String
    var username: String
    var displayName: String
    var role: String
    var passwordHash: String
    var isActive: Bool
    /// The room a clinician calls patients to unless they say otherwise.
    var defaultRoom: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, username, role, hlc
        case displayName = "display_name", passwordHash = "password_hash", isActive = "is_active"
        case defaultRoom = "default_room"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var user: User {
        get throws {
            User(id: try EntityID(stored: id), username: username, displayName: displayName,
                 role: Role(rawValue: role) ?? .receptionist, isActive: isActive && deletedAt == nil, defaultRoom: defaultRoom)
        }
    }
}

/// A row of `provider`.
struct ProviderRecord: SyncedRecord {
    static let databaseTableName = "provider"

    var id: String
    var displayName: String
    var specialty: String
    var defaultSlotMinutes: Int
    var userID: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, specialty, hlc
        case displayName = "display_name", defaultSlotMinutes = "default_slot_minutes", userID = "user_id"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var provider: Provider {
        get throws {
            Provider(id: try EntityID(stored: id), displayName: displayName, specialty: Specialty(rawValue: specialty),
                     defaultSlotMinutes: defaultSlotMinutes, userID: userID.flatMap(EntityID.init))
        }
    }
}
