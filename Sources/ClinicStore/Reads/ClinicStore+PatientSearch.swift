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
    /// rest, each group by name. A name with a date of birth: patients born that day whose names
    /// match, by name. Digits: an MRN serial, then phone numbers containing the digits, then
    /// numbers stored in the other form (a national `07752 413668` for `+44 7752 413668` and
    /// back). Eight digits of a date: born that day, then as digits. Dates: date of birth. MRN:
    /// exact; without its dash, every reading exactly, then the text as a name. Nobody appears
    /// twice; removed and merged-away patients never appear.
    public func searchPatients(_ query: PatientQuery, limit: Int = 20) throws(StoreError) -> [PatientSummary] {
        let limit = max(0, min(limit, 500))
        let today = CalendarDate.today(clock: environment.clock, timeZone: timeZone)
        return try read { db in try PatientSearch.run(query, limit: limit, today: today, in: db) }
    }
}

/// The SQL behind patient search, one function per input shape. Every query reads an index
/// whose order is already name order (``PatientSearchIndex``), so none sorts its matches.
enum PatientSearch {
    static let active = "p.deleted_at IS NULL AND p.merged_into IS NULL"

    /// The top `limit` patients for `query`, by its shape.
    static func run(_ query: PatientQuery, limit: Int, today: CalendarDate, in db: Database) throws -> [PatientSummary] {
        switch query {
        case .empty:
            return []
        case let .name(tokens):
            return try byName(tokens, limit: limit, today: today, in: db)
        case let .nameAndBirthDate(tokens, date):
            return try byNameAndBirthDate(tokens, date, limit: limit, in: db)
        case let .digits(digits):
            var results = Tiers(limit: limit)
            try byDigits(digits, into: &results, in: db)
            return results.patients
        case let .compactDate(date, digits):
            var results = Tiers(limit: limit)
            if date <= today { results.add(try byBirthDate(date, limit: limit, in: db)) }
            try byDigits(digits, into: &results, in: db)
            return results.patients
        case let .internationalPhone(digits):
            return try byInternationalPhone(digits, limit: limit, in: db)
        case let .birthDate(date):
            return try byBirthDate(date, limit: limit, in: db)
        case let .mrn(text):
            return try byMRN(text, limit: limit, in: db)
        case let .undashedMRN(readings, nameTokens):
            return try byUndashedMRN(readings, nameTokens: nameTokens, limit: limit, today: today, in: db)
        }
    }

    /// How far back "seen recently" reaches.
    static let recentDays = 30

    /// Names, in three tiers: patients whose whole name is exactly the query, then patients
    /// seen in the last ``recentDays`` days, then everyone else; each tier in name order.
    static func byName(_ tokens: [String], limit: Int, today: CalendarDate, in db: Database) throws -> [PatientSummary] {
        guard !tokens.isEmpty, limit > 0 else { return [] }
        var results = Tiers(limit: limit)
        let exact = exactForms(of: tokens)
        results.add(try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns) FROM patient p
            WHERE p.search_name IN (\(exact.map { _ in "?" }.joined(separator: ", "))) AND \(active)
            ORDER BY p.name_order LIMIT ?
            """, StatementArguments(exact + [limit])))
        guard !results.isFull else { return results.patients }
        let filters = tokens.map { _ in "instr(' ' || p.search_name, ' ' || ?) > 0" }.joined(separator: " AND ")
        results.add(try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns) FROM patient p INDEXED BY patient_recent
            WHERE p.last_visit_day >= ? AND \(filters) AND \(active)
            ORDER BY p.name_order LIMIT ?
            """, StatementArguments([today.adding(days: -recentDays).description] + tokens + [limit])))
        guard !results.isFull else { return results.patients }
        results.add(try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns) FROM patient_name_fts f JOIN patient p ON p.name_order = f.rowid
            WHERE patient_name_fts MATCH ? AND \(active)
            ORDER BY f.rowid LIMIT ?
            """, [matchExpression(tokens), limit + results.count]))
        return results.patients
    }

    /// Digits, in three tiers: an MRN serial, then phone numbers containing the digits, then (for
    /// a whole national number) the number stored in international form.
    static func byDigits(_ digits: String, into results: inout Tiers, in db: Database) throws {
        if let serial = Int(digits.prefix(9)) {
            results.add(try PatientHits.fetch(db, """
                SELECT \(PatientHits.columns) FROM patient p WHERE p.mrn_serial = ? AND \(active) ORDER BY p.name_order LIMIT ?
                """, [serial, results.limit]))
        }
        if let typed = try? PhoneNumber(parsing: digits), typed.digitsInEveryOtherForm != nil {
            try byWholeNumber(digits, typed: typed, into: &results, in: db)
        } else {
            try byPhoneFragment(digits, into: &results, in: db)
        }
    }

    /// Phone numbers containing `digits` (three or more), in name order.
    static func byPhoneFragment(_ digits: String, into results: inout Tiers, in db: Database) throws {
        guard digits.count >= 3, !results.isFull else { return }
        results.add(try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns) FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
            WHERE patient_phone_fts MATCH ? AND instr(p.phone_digits, ?) > 0 AND \(active)
            ORDER BY f.rowid LIMIT ?
            """, [phoneMatch(digits), digits, results.limit + results.count]))
    }

    static func byBirthDate(_ date: CalendarDate, limit: Int, in db: Database) throws -> [PatientSummary] {
        try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns) FROM patient p WHERE p.birth_date = ? AND \(active)
            ORDER BY p.name_order LIMIT ?
            """, [date.description, limit])
    }

    static func byMRN(_ text: String, limit: Int, in db: Database) throws -> [PatientSummary] {
        if let mrn = MRN(text) {
            return try PatientHits.fetch(db, "SELECT \(PatientHits.columns) FROM patient p WHERE p.mrn = ? AND \(active) LIMIT ?",
                                         [mrn.description, limit])
        }
        if let serial = Int(text) {
            return try PatientHits.fetch(db, """
                SELECT \(PatientHits.columns) FROM patient p WHERE p.mrn_serial = ? AND \(active) ORDER BY p.mrn LIMIT ?
                """, [serial, limit])
        }
        return try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns) FROM patient p WHERE p.mrn >= ? AND p.mrn < ? AND \(active) ORDER BY p.mrn LIMIT ?
            """, [text, text + "\u{10FFFF}", limit])
    }

    /// Results gathered tier by tier, without repeats, up to a limit.
    struct Tiers {
        let limit: Int
        private(set) var patients: [PatientSummary] = []
        private var seen: Set<EntityID<Patient>> = []

        init(limit: Int) { self.limit = limit }

        var isFull: Bool { patients.count >= limit }
        var count: Int { patients.count }

        mutating func add(_ batch: [PatientSummary]) {
            for patient in batch where patients.count < limit && seen.insert(patient.id).inserted {
                patients.append(patient)
            }
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
