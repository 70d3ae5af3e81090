import ClinicCore
import Foundation
import GRDB

/// Writes a new database's identity: the device row and the clinic row (with its changes and audit).
enum Bootstrap {
    static func insertIdentity(
        _ db: Database, clinicName: String, timeZone: TimeZone, deviceName: String,
        mrnPrefix: String, isDemo: Bool, environment: StoreEnvironment
    ) throws {
        let ids = environment.ids
        let deviceID: EntityID<Device> = ids.id()
        let clinicID: EntityID<Clinic> = ids.id()
        let now = environment.clock.now()
        try LocalDeviceRecord(
            deviceID: deviceID.description, deviceName: deviceName, clinicID: clinicID.description,
            mrnPrefix: mrnPrefix, mrnCounter: 0, hlcMillis: 0, hlcCounter: 0, isDemo: isDemo,
            createdAt: ISOInstant.format(now)
        ).insert(db)
        var writer = try ChangeWriter(db: db, author: .system("init"), environment: environment)
        var clinic = ClinicRecord(
            id: clinicID.description, name: clinicName, timeZone: timeZone.identifier,
            createdAt: ISOInstant.format(now), hlc: "", originDevice: ""
        )
        try writer.insert(&clinic)
        try writer.audit("clinic.create", ClinicRecord.self, clinic.id, "Created clinic \(clinicName)")
    }
}
