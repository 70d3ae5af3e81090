public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Finds patients for what was typed in the search box (see ``PatientQuery/parse(_:dateOrder:)``).
    public func searchPatients(text: String, dateOrder: DateOrder = .dayMonthYear, limit: Int = 20) throws(StoreError) -> [PatientSummary] {
        try searchPatients(PatientQuery.parse(text, dateOrder: dateOrder), limit: limit)
    }

    /// The top `limit` patients matching `query`; removed and merged-away records never appear.
    ///
    /// Names: every token must prefix-match a name token, in any order; an exact full-name
    /// match comes first, then by name. Digits: an MRN serial, then phone numbers containing
    /// the digits. Dates: date of birth. MRN: exact.
    public func searchPatients(_ query: PatientQuery, limit: Int = 20) throws(StoreError) -> [PatientSummary] {
        let limit = max(0, min(limit, 500))
        return try read { db in
            let records: [PatientRecord]
            switch query {
            case .empty:
                records = []
            case let .name(tokens):
                records = try PatientSearch.byName(tokens, limit: limit, in: db)
            case let .digits(digits):
                records = try PatientSearch.byDigits(digits, limit: limit, in: db)
            case let .birthDate(date):
                records = try PatientRecord
                    .filter(PatientRecord.Columns.birthDate == date.description)
                    .filter(PatientRecord.Columns.deletedAt == nil && PatientRecord.Columns.mergedInto == nil)
                    .order(PatientRecord.Columns.searchName)
                    .limit(limit)
                    .fetchAll(db)
            case let .mrn(text):
                records = try PatientSearch.byMRN(text, limit: limit, in: db)
            }
            return try PatientSearch.summaries(records, in: db)
        }
    }
}

/// The SQL behind patient search, one function per input shape.
enum PatientSearch {
    static let active = "p.deleted_at IS NULL AND p.merged_into IS NULL"

    static func byName(_ tokens: [String], limit: Int, in db: Database) throws -> [PatientRecord] {
        guard !tokens.isEmpty else { return [] }
        let exact = exactForms(of: tokens)
        let marks = exact.map { _ in "?" }.joined(separator: ", ")
        return try PatientRecord.fetchAll(db, sql: """
            SELECT p.* FROM patient_name_fts f JOIN patient p ON p.rowid = f.rowid
            WHERE patient_name_fts MATCH ? AND \(active)
            ORDER BY p.search_name IN (\(marks)) DESC, p.search_name, p.id
            LIMIT ?
            """, arguments: StatementArguments([matchExpression(tokens)] + exact + [limit]))
    }

    static func byDigits(_ digits: String, limit: Int, in db: Database) throws -> [PatientRecord] {
        var results: [PatientRecord] = []
        if let serial = Int(digits.prefix(9)) {
            results = try PatientRecord.fetchAll(db, sql: """
                SELECT p.* FROM patient p WHERE p.mrn_serial = ? AND \(active) ORDER BY p.mrn LIMIT ?
                """, arguments: [serial, limit])
        }
        if digits.count >= 3, results.count < limit {
            let seen = Set(results.map(\.id))
            let phones = try PatientRecord.fetchAll(db, sql: """
                SELECT p.* FROM patient_phone_fts f JOIN patient p ON p.rowid = f.rowid
                WHERE patient_phone_fts MATCH ? AND \(active)
                ORDER BY p.search_name, p.id LIMIT ?
                """, arguments: [quoted(digits), limit])
            results += phones.filter { !seen.contains($0.id) }.prefix(limit - results.count)
        }
        return results
    }

    static func byMRN(_ text: String, limit: Int, in db: Database) throws -> [PatientRecord] {
        if let mrn = MRN(text) {
            return try PatientRecord.fetchAll(db, sql: "SELECT p.* FROM patient p WHERE p.mrn = ? AND \(active) LIMIT ?",
                                              arguments: [mrn.description, limit])
        }
        if let serial = Int(text) {
            return try PatientRecord.fetchAll(db, sql: "SELECT p.* FROM patient p WHERE p.mrn_serial = ? AND \(active) ORDER BY p.mrn LIMIT ?",
                                              arguments: [serial, limit])
        }
        return try PatientRecord.fetchAll(db, sql: """
            SELECT p.* FROM patient p WHERE p.mrn >= ? AND p.mrn < ? AND \(active) ORDER BY p.mrn LIMIT ?
            """, arguments: [text, text + "\u{10FFFF}", limit])
    }

    /// Adds the last visit day to each record, in one query.
    static func summaries(_ records: [PatientRecord], in db: Database) throws -> [PatientSummary] {
        guard !records.isEmpty else { return [] }
        let marks = records.map { _ in "?" }.joined(separator: ", ")
        let lastVisits = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT patient_id, max(day) AS day FROM visit WHERE patient_id IN (\(marks)) AND deleted_at IS NULL GROUP BY patient_id
            """, arguments: StatementArguments(records.map(\.id))).map { ($0["patient_id"] as String, $0["day"] as String) })
        return try records.map { record in
            let details = record.details(identifiers: [])
            return PatientSummary(
                id: try EntityID(stored: record.id), mrn: MRN(record.mrn) ?? MRN(prefix: "XX", serial: record.mrnSerial),
                familyName: record.familyName, givenName: record.givenName, sex: details.sex, birthDate: details.birthDate,
                phone: details.phone, allergyStatus: AllergyStatus(rawValue: record.allergyStatus) ?? .notAsked,
                lastVisit: lastVisits[record.id].flatMap(CalendarDate.init(iso:))
            )
        }
    }

    /// `"sm"* "jo"*`: every token as a quoted prefix (quotes keep FTS5 operators inert).
    static func matchExpression(_ tokens: [String]) -> String {
        tokens.map { quoted($0) + "*" }.joined(separator: " ")
    }

    static func quoted(_ token: String) -> String {
        "\"" + token.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The search keys a patient whose whole name is exactly these tokens would have (any order, up to 4 tokens).
    static func exactForms(of tokens: [String]) -> [String] {
        guard tokens.count <= 4 else { return [tokens.joined(separator: " ")] }
        return Array(Set(permutations(tokens).map { $0.joined(separator: " ") })).sorted()
    }

    private static func permutations(_ items: [String]) -> [[String]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[String]] in
            var rest = items
            let head = rest.remove(at: index)
            return permutations(rest).map { [head] + $0 }
        }
    }
}
