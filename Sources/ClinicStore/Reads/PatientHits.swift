import ClinicCore
import Foundation
import GRDB

/// Patient rows read for search results: only the columns a result line shows, decoded by
/// hand from cached statements. Searches run on every keystroke, so they skip the full record.
enum PatientHits {
    static let columns = """
        p.id, p.mrn, p.mrn_serial, p.family_name, p.given_name, p.sex, p.birth_date, p.birth_date_estimated,
        p.phone, p.allergy_status, p.last_visit_day
        """

    /// Runs `sql` (which selects ``columns``) and decodes each row.
    static func fetch(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [PatientSummary] {
        try fetch(db, sql, arguments) { _ in true }
    }

    /// Runs `sql` (which selects ``columns`` and perhaps more) and decodes the rows `keep` accepts.
    static func fetch(
        _ db: Database, _ sql: String, _ arguments: StatementArguments, keeping keep: (Row) -> Bool
    ) throws -> [PatientSummary] {
        let rows = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: arguments)
        var results: [PatientSummary] = []
        while let row = try rows.next() {
            if keep(row) { results.append(try summary(row)) }
        }
        return results
    }

    static func summary(_ row: Row) throws -> PatientSummary {
        let birth: BirthDate? = (row["birth_date"] as String?).flatMap(CalendarDate.init(iso:)).map {
            BirthDate(date: $0, isEstimated: row["birth_date_estimated"])
        }
        let mrnText: String = row["mrn"]
        return PatientSummary(
            id: try EntityID(stored: row["id"]), mrn: MRN(mrnText) ?? MRN(prefix: "XX", serial: row["mrn_serial"]),
            familyName: row["family_name"], givenName: row["given_name"], sex: Sex(rawValue: row["sex"]) ?? .unknown,
            birthDate: birth, phone: (row["phone"] as String?).flatMap { try? PhoneNumber(parsing: $0) },
            allergyStatus: AllergyStatus(rawValue: row["allergy_status"]) ?? .notAsked,
            lastVisit: (row["last_visit_day"] as String?).flatMap(CalendarDate.init(iso:))
        )
    }
}
