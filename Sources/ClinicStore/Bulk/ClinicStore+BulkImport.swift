public import ClinicCore
public import Foundation
import GRDB

/// One patient for a bulk import, with the allergies to record alongside.
public struct ImportedPatient: Sendable {
    public var details: PatientDetails
    public var allergyStatus: AllergyStatus
    public var allergies: [ImportedAllergy]
    public var registeredAt: Date

    public init(details: PatientDetails, allergyStatus: AllergyStatus = .notAsked, allergies: [ImportedAllergy] = [], registeredAt: Date) {
        self.details = details
        self.allergyStatus = allergies.isEmpty ? allergyStatus : .recorded
        self.allergies = allergies
        self.registeredAt = registeredAt
    }
}

/// An allergy recorded during a bulk import.
public struct ImportedAllergy: Sendable {
    public var substance: String
    public var kind: AllergenKind
    public var reaction: String
    public var severity: AllergySeverity

    public init(substance: String, kind: AllergenKind, reaction: String, severity: AllergySeverity) {
        self.substance = substance
        self.kind = kind
        self.reaction = reaction
        self.severity = severity
    }
}

extension ClinicStore {
    /// Imports many patients in one transaction: all or nothing.
    ///
    /// Each row gets an MRN, an id and a clock value like a normal registration, and one
    /// `snapshot` change (instead of one change per field) so sync still sends every row;
    /// one audit event covers the import. When the patient table is empty the search
    /// indexes are built once at the end, which is about twice as fast as keeping them live.
    /// Details must already be valid (``PatientDetails/validated(today:)``); invalid rows stop the import.
    ///
    /// - Returns: the new patients' ids, in input order.
    /// - Parameter source: what the rows came from, for the audit event ("patients.csv; 3 bad rows left out").
    public func importPatients<S: Sequence>(
        _ patients: S, source: String? = nil, by author: Author
    ) throws(StoreError) -> [EntityID<Patient>] where S.Element == ImportedPatient {
        if let role = author.role, !role.may(.registerPatient) {
            throw .notPermitted(role: role, permission: .registerPatient)
        }
        return try StoreErrors.mapping(path: path) {
            try pool.writeWithoutTransaction { db in
                var ids: [EntityID<Patient>] = []
                try db.inTransaction(.immediate) {
                    var importer = try BulkImporter(db: db, author: author, environment: environment, source: source)
                    ids = try importer.run(patients)
                    try TableVersions.bump(
                        [PatientRecord.databaseTableName, PatientIdentifierRecord.databaseTableName, AuditEventRecord.databaseTableName],
                        in: db)
                    return .commit
                }
                return ids
            }
        }
    }
}

/// The row-writing loop of a bulk import, over prepared statements.
struct BulkImporter {
    let db: Database
    let author: Author
    let environment: StoreEnvironment
    var writer: ChangeWriter
    var clock: HybridLogicalClock
    var local: LocalDeviceRecord
    let source: String?

    init(db: Database, author: Author, environment: StoreEnvironment, source: String? = nil) throws {
        self.source = source
        writer = try ChangeWriter(db: db, author: author, environment: environment)
        guard let local = try LocalDeviceRecord.fetchOne(db) else {
            throw StoreError.notAClinicDatabase(path: "database", detail: "it has no device identity")
        }
        self.db = db
        self.author = author
        self.environment = environment
        self.local = local
        clock = try local.clock
    }

    private func stampText(_ stamp: HLCTimestamp, device: String) -> String {
        HLCTimestamp.text(millis: stamp.millis, counter: stamp.counter, device: device)
    }

    private func searchName(_ details: PatientDetails, cache: inout [String: String]) -> String {
        let key = details.familyName + "\u{1F}" + details.givenName
        if let known = cache[key] { return known }
        let name = PatientRecord.searchName(family: details.familyName, given: details.givenName)
        if cache.count < 200_000 { cache[key] = name }
        return name
    }

    /// One patient ready to insert.
    private struct Prepared {
        var id: EntityID<Patient>
        var idText: String
        var serial: Int
        var searchName: String
        var patient: ImportedPatient
    }

    mutating func run<S: Sequence>(_ patients: S) throws -> [EntityID<Patient>] where S.Element == ImportedPatient {
        let rebuildIndexes = try Int.fetchOne(db, sql: "SELECT count(*) FROM patient") == 0
        if rebuildIndexes {
            for statement in PatientSearchIndex.dropIndexesAndTriggers { try db.execute(sql: statement) }
        }
        let insertPatient = try db.makeStatement(sql: """
            INSERT INTO patient (name_order, id, mrn, family_name, given_name, sex, birth_date, birth_date_estimated, phone,
              alternate_phone, address_line, city, region, postal_code, country, emergency_name, emergency_relationship,
              emergency_phone, allergy_status, created_at, hlc, origin_device, mrn_serial, search_name, phone_digits)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertAllergy = try db.makeStatement(sql: """
            INSERT INTO allergy (id, patient_id, substance, substance_kind, reaction, severity, recorded_at, recorded_by,
              is_retraction, created_at, hlc, origin_device)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
            """)
        let insertIdentifier = try db.makeStatement(sql: """
            INSERT INTO patient_identifier (id, patient_id, kind, value, created_at, hlc, origin_device, match_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertSnapshot = try db.makeStatement(sql: """
            INSERT INTO change (change_id, tx_id, table_name, row_id, operation, hlc, device_id, user_id, schema_version)
            VALUES (?, ?, ?, ?, 'snapshot', ?, ?, ?, ?)
            """)
        let device = local.deviceID
        let userID = author.userID?.description
        let wall = environment.clock.millisecondsSinceEpoch()
        var searchNames: [String: String] = [:]  // names repeat; normalising is the costliest step per row
        var serial = local.mrnCounter
        var prepared: [Prepared] = []
        for patient in patients {
            serial += 1
            let id: EntityID<Patient> = environment.ids.id()
            prepared.append(Prepared(id: id, idText: id.description, serial: serial,
                                     searchName: searchName(patient.details, cache: &searchNames), patient: patient))
        }
        // In an empty table, keys are ranks in name order and rows go in in that order (appends only).
        var order = Array(prepared.indices)
        if rebuildIndexes {
            order.sort { (prepared[$0].searchName, prepared[$0].idText) < (prepared[$1].searchName, prepared[$1].idText) }
        }
        try db.execute(sql: "PRAGMA cache_size = -262144")  // 256 MiB: keep index pages in memory while loading
        defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
        for (rank, index) in order.enumerated() {
            let row = prepared[index]
            let stamp = stampText(clock.tick(wallMillis: wall), device: device)
            let mrn = MRN(prefix: local.mrnPrefix, serial: row.serial)
            let details = row.patient.details
            let created = ISOInstant.format(row.patient.registeredAt)
            let key = rebuildIndexes
                ? Int64(rank + 1) * PatientNameOrder.spacing
                : try PatientNameOrder.key(searchName: row.searchName, id: row.idText, in: db)
            insertPatient.setUncheckedArguments([
                key, row.idText, mrn.description, details.familyName, details.givenName, details.sex.rawValue,
                details.birthDate?.date.description, details.birthDate?.isEstimated ?? false, details.phone?.normalized,
                details.alternatePhone?.normalized, details.address.line, details.address.city, details.address.region,
                details.address.postalCode, details.address.country, details.emergencyContact?.name,
                details.emergencyContact?.relationship, details.emergencyContact?.phone?.normalized,
                row.patient.allergyStatus.rawValue, created, stamp, device, row.serial, row.searchName,
                [details.phone, details.alternatePhone].compactMap { $0?.digits }.joined(separator: " "),
            ])
            try insertPatient.execute()
            // Each patient (with its allergies) is its own sync transaction: the rows are independent,
            // and one transaction of a million rows would have to travel as one enormous page.
            let rowTransaction = environment.ids.next().lowercased
            insertSnapshot.setUncheckedArguments([rowTransaction, rowTransaction, "patient", row.idText, stamp, device, userID, ClinicSchema.version])
            try insertSnapshot.execute()
            for identifier in details.identifiers {
                let identifierID = environment.ids.next().lowercased
                let identifierStamp = stampText(clock.tick(wallMillis: wall), device: device)
                insertIdentifier.setUncheckedArguments([identifierID, row.idText, identifier.kind, identifier.value, created, identifierStamp,
                                                        device, identifier.matchKey])
                try insertIdentifier.execute()
                insertSnapshot.setUncheckedArguments([environment.ids.next().lowercased, rowTransaction, "patient_identifier", identifierID,
                                                      identifierStamp, device, userID, ClinicSchema.version])
                try insertSnapshot.execute()
            }
            for allergy in row.patient.allergies {
                let allergyID = environment.ids.next().lowercased
                let allergyStamp = stampText(clock.tick(wallMillis: wall), device: device)
                insertAllergy.setUncheckedArguments([
                    allergyID, row.idText, allergy.substance, allergy.kind.rawValue, allergy.reaction,
                    allergy.severity.rawValue, created, userID, created, allergyStamp, device,
                ])
                try insertAllergy.execute()
                insertSnapshot.setUncheckedArguments([environment.ids.next().lowercased, rowTransaction, "allergy", allergyID, allergyStamp, device, userID, ClinicSchema.version])
                try insertSnapshot.execute()
            }
        }
        let ids = prepared.map(\.id)
        if rebuildIndexes {
            try db.execute(sql: "INSERT INTO patient_name_fts(patient_name_fts) VALUES ('rebuild')")
            try db.execute(sql: "INSERT INTO patient_phone_fts(patient_phone_fts) VALUES ('rebuild')")
            for statement in PatientSearchIndex.indexes + PatientSearchIndex.triggers { try db.execute(sql: statement) }
        }
        try db.execute(sql: "UPDATE local_device SET mrn_counter = ?, hlc_millis = ?, hlc_counter = ?",
                       arguments: [serial, Int64(clock.millis), Int(clock.counter)])
        try writer.audit("patient.import", PatientRecord.self, "",
                         "Imported \(ids.count) patient\(ids.count == 1 ? "" : "s")\(source.map { " from \($0)" } ?? "") (MRN "
                            + "\(MRN(prefix: local.mrnPrefix, serial: local.mrnCounter + 1)) to \(MRN(prefix: local.mrnPrefix, serial: serial)))")
        return ids
    }
}
