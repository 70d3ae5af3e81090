public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Finds patients for what was typed in the search box (see ``PatientQuery/parse(_:dateOrder:)``).
    public func searchPatients(text: String, dateOrder: DateOrder = .dayMonthYear, limit: Int = 20) throws(StoreError) -> [PatientSummary] {
        try searchPatients(PatientQuery.parse(text, dateOrder: dateOrder), limit: limit)
    }

    /// The top `limit` patients matching `query`.
    ///
    /// Names: every token must prefix-match a name token, in any order; patients whose whole
    /// name is exactly the query come first, then patients seen in the last 30 days, then the
    /// rest, each group by name. Digits: an MRN serial, then phone numbers containing the
    /// digits. Dates: date of birth. MRN: exact. Removed and merged-away patients never appear.
    public func searchPatients(_ query: PatientQuery, limit: Int = 20) throws(StoreError) -> [PatientSummary] {
        let limit = max(0, min(limit, 500))
        let today = CalendarDate.today(clock: environment.clock, timeZone: timeZone)
        return try read { db in
            let records: [PatientRecord]
            switch query {
            case .empty:
                records = []
            case let .name(tokens):
                records = try PatientSearch.byName(tokens, limit: limit, today: today, in: db)
            case let .digits(digits):
                records = try PatientSearch.byDigits(digits, limit: limit, in: db)
            case let .birthDate(date):
                records = try PatientRecord.fetchAll(db, sql: """
                    SELECT p.* FROM patient p WHERE p.birth_date = ? AND \(PatientSearch.active) ORDER BY p.name_order LIMIT ?
                    """, arguments: [date.description, limit])
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

    /// Names, in three tiers: patients whose whole name is exactly the query, then patients
    /// seen in the last ``recentDays`` days, then everyone else; each tier in name order.
    /// Every tier reads an index already in name order, so no query sorts its matches.
    static func byName(_ tokens: [String], limit: Int, today: CalendarDate, in db: Database) throws -> [PatientRecord] {
        guard !tokens.isEmpty, limit > 0 else { return [] }
        var results = Tiers(limit: limit)
        let exact = exactForms(of: tokens)
        results.add(try PatientRecord.fetchAll(db, sql: """
            SELECT p.* FROM patient p WHERE p.search_name IN (\(exact.map { _ in "?" }.joined(separator: ", "))) AND \(active)
            ORDER BY p.name_order LIMIT ?
            """, arguments: StatementArguments(exact + [limit])))
        guard !results.isFull else { return results.records }
        let filters = tokens.map { _ in "instr(' ' || p.search_name, ' ' || ?) > 0" }.joined(separator: " AND ")
        results.add(try PatientRecord.fetchAll(db, sql: """
            SELECT p.* FROM patient p INDEXED BY patient_recent
            WHERE p.last_visit_day >= ? AND \(filters) AND \(active)
            ORDER BY p.name_order LIMIT ?
            """, arguments: StatementArguments([today.adding(days: -recentDays).description] + tokens + [limit])))
        guard !results.isFull else { return results.records }
        results.add(try PatientRecord.fetchAll(db, sql: """
            SELECT p.* FROM patient_name_fts f JOIN patient p ON p.name_order = f.rowid
            WHERE patient_name_fts MATCH ? AND \(active)
            ORDER BY f.rowid LIMIT ?
            """, arguments: [matchExpression(tokens), limit + results.count]))
        return results.records
    }

    /// How far back "seen recently" reaches.
    static let recentDays = 30

    static func byDigits(_ digits: String, limit: Int, in db: Database) throws -> [PatientRecord] {
        var results = Tiers(limit: limit)
        if let serial = Int(digits.prefix(9)) {
            results.add(try PatientRecord.fetchAll(db, sql: """
                SELECT p.* FROM patient p WHERE p.mrn_serial = ? AND \(active) ORDER BY p.name_order LIMIT ?
                """, arguments: [serial, limit]))
        }
        if digits.count >= 3, !results.isFull {
            results.add(try PatientRecord.fetchAll(db, sql: """
                SELECT p.* FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
                WHERE patient_phone_fts MATCH ? AND \(active)
                ORDER BY f.rowid LIMIT ?
                """, arguments: [quoted(digits), limit + results.count]))
        }
        return results.records
    }

    /// Results gathered tier by tier, without repeats, up to a limit.
    struct Tiers {
        let limit: Int
        private(set) var records: [PatientRecord] = []
        private var seen: Set<String> = []

        init(limit: Int) { self.limit = limit }

        var isFull: Bool { records.count >= limit }
        var count: Int { records.count }

        mutating func add(_ batch: [PatientRecord]) {
            for record in batch where records.count < limit && seen.insert(record.id).inserted {
                records.append(record)
            }
        }
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
