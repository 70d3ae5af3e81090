public import ClinicCore
public import Foundation
import GRDB

/// The one door to a clinic's SQLite database.
///
/// Every write is one method named for what a person means to do (register a patient,
/// book an appointment). Each runs in one IMMEDIATE transaction that checks the
/// author's permission, validates, writes the rows, appends one `change` row per
/// changed field and one `audit_event`; if anything fails, nothing is left behind.
/// Reads never block writes (WAL), and other processes see commits at once.
public struct ClinicStore: Sendable {
    let pool: DatabasePool
    /// The database file.
    public let path: String
    public let environment: StoreEnvironment
    /// This database's device identity (fixed when the database was created).
    public let device: Device
    /// The clinic's time zone, which decides what "today" is.
    public let timeZone: TimeZone

    init(pool: DatabasePool, path: String, environment: StoreEnvironment) throws {
        self.pool = pool
        self.path = path
        self.environment = environment
        (device, timeZone) = try pool.read { db in
            guard let row = try LocalDeviceRecord.fetchOne(db), let clinic = try ClinicRecord.fetchOne(db) else {
                throw StoreError.notAClinicDatabase(path: path, detail: "it has no device identity")
            }
            return (try row.device, try clinic.clinic.timeZone)
        }
    }

    /// Opens an existing clinic database, bringing its schema up to date.
    public static func open(at path: String, environment: StoreEnvironment = .live) throws(StoreError) -> ClinicStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingDatabase(path: path) }
        return try StoreErrors.mapping(path: path) {
            let pool = try DatabasePool(path: path, configuration: configuration())
            try checkIsClinicDatabase(pool, path: path)
            try ClinicMigrations.migrator.migrate(pool)
            return try ClinicStore(pool: pool, path: path, environment: environment)
        }
    }

    /// Creates a new clinic database with its clinic row and device identity.
    ///
    /// - Parameter mrnPrefix: letters that start this device's MRNs; random when nil.
    /// - Parameter access: who may open the files (see ``FileAccess``); the owner only by default.
    public static func create(
        at path: String, clinicName: String, timeZone: TimeZone, deviceName: String,
        mrnPrefix: String? = nil, isDemo: Bool = false, access: FileAccess = .ownerOnly, environment: StoreEnvironment = .live
    ) throws(StoreError) -> ClinicStore {
        let name = NameRule.tidy(clinicName)
        guard !name.isEmpty, name.count <= 100 else {
            throw .invalid(ValidationFailure([FieldProblem(field: "clinic name", message: "Clinic name must be 1 to 100 characters.")]))
        }
        if let mrnPrefix, !MRN.isValidPrefix(mrnPrefix) {
            throw .invalid(ValidationFailure([FieldProblem(
                field: "MRN prefix", message: "MRN prefix “\(mrnPrefix)” must be 2–4 capital letters or digits, starting with a letter.")]))
        }
        guard !FileManager.default.fileExists(atPath: path) else { throw .databaseExists(path: path) }
        try access.makeFolders(URL(fileURLWithPath: path).deletingLastPathComponent())
        try access.createFile(path)
        return try StoreErrors.mapping(path: path) {
            let pool = try DatabasePool(path: path, configuration: configuration())
            try ClinicMigrations.migrator.migrate(pool)
            try pool.write { db in
                try Bootstrap.insertIdentity(
                    db, clinicName: name, timeZone: timeZone, deviceName: deviceName,
                    mrnPrefix: mrnPrefix ?? MRN.randomPrefix(entropy: environment.entropy),
                    isDemo: isDemo, environment: environment
                )
            }
            return try ClinicStore(pool: pool, path: path, environment: environment)
        }
    }

    /// Connection settings: WAL (a pool always uses it), full fsync on commit,
    /// foreign keys on, and a busy timeout so a second terminal waits instead of failing.
    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        return configuration
    }

    private static func checkIsClinicDatabase(_ pool: DatabasePool, path: String) throws {
        let hasDevice = try pool.read { db in try db.tableExists(LocalDeviceRecord.databaseTableName) }
        guard hasDevice else {
            throw StoreError.notAClinicDatabase(path: path, detail: "it has no ClinicDesk tables")
        }
        if try pool.read({ try ClinicMigrations.migrator.hasBeenSuperseded($0) }) {
            throw StoreError.notAClinicDatabase(path: path, detail: "it was written by a newer ClinicDesk; upgrade this one")
        }
    }

    /// Whether this database was made by `clinicdesk demo` (and may be replaced by it).
    public func isDemo() throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT is_demo FROM local_device") ?? false }
    }

    /// The clinic this database belongs to.
    public func clinic() throws(StoreError) -> Clinic {
        try read { db in
            guard let record = try ClinicRecord.fetchOne(db) else {
                throw StoreError.notAClinicDatabase(path: path, detail: "it has no clinic row")
            }
            return try record.clinic
        }
    }

    /// Today's date in the clinic's time zone.
    public func today() -> CalendarDate {
        CalendarDate.today(clock: environment.clock, timeZone: timeZone)
    }

    /// Runs a read in a snapshot, mapping failures to ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try StoreErrors.mapping(path: path) { try pool.read(body) }
    }

    /// `PRAGMA integrity_check`: "ok" or the problems SQLite found.
    public func integrityCheck() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
