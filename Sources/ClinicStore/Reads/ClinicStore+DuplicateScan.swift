public import ClinicCore
import Foundation
import GRDB

/// A patient as the duplicate scan lists them.
public struct ScannedPatient: Hashable, Sendable {
    public var id: EntityID<Patient>
    public var mrn: MRN
    public var name: String
    public var birthDate: BirthDate?
}

extension ClinicStore {
    /// Every active patient with what the duplicate check compares (name keys as stored, date of
    /// birth, phone digits, identifier keys, sex), read in one pass for a whole-clinic scan.
    public func duplicateScanInput() throws(StoreError) -> [(patient: ScannedPatient, probe: DuplicateProbe)] {
        try read { db in
            var identifiers: [String: Set<String>] = [:]
            let keys = try Row.fetchCursor(db, sql: "SELECT patient_id, match_key FROM patient_identifier WHERE deleted_at IS NULL AND match_key != ''")
            while let row = try keys.next() { identifiers[row[0], default: []].insert(row[1]) }
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT p.id, p.mrn, p.family_name, p.given_name, p.search_name, p.birth_date, p.birth_date_estimated, p.sex, p.phone_digits
                FROM patient p WHERE \(PatientSearch.active) ORDER BY p.mrn_serial, p.mrn
                """)
            var scanned: [(patient: ScannedPatient, probe: DuplicateProbe)] = []
            while let row = try cursor.next() {
                let id: String = row[0]
                let birth = (row[5] as String?).flatMap(CalendarDate.init(iso:)).map { BirthDate(date: $0, isEstimated: row[6]) }
                let patient = ScannedPatient(id: try EntityID(stored: id), mrn: MRN(row[1] as String) ?? MRN(prefix: "XX", serial: 0),
                                             name: PatientDetails.displayName(familyName: row[2], givenName: row[3]), birthDate: birth)
                let probe = DuplicateProbe(
                    tokens: (row[4] as String).split(separator: " ").map(String.init), birthDate: birth,
                    phoneDigits: Set(((row[8] as String?) ?? "").split(separator: " ").map(String.init)),
                    identifierKeys: identifiers[id] ?? [], sex: Sex(rawValue: row[7]) ?? .unknown)
                scanned.append((patient, probe))
            }
            return scanned
        }
    }
}
