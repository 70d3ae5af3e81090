import Foundation

/// One record of a reference file: its fields split on `|`, trimmed, with where it came from.
///
/// The prescribing data is a hand-written line format rather than TOML or JSON because
/// ClinicCore may import Foundation only, and because one record per line keeps every change a
/// one-line diff that a clinician can review. Blank lines and lines starting with `#` are
/// comments.
struct ReferenceLine: Sendable {
    let file: String
    let number: Int
    let fields: [String]

    /// The records of `text`, each with exactly `columns` fields (trailing empty fields may be omitted).
    static func records(in text: String, file: String, columns: Int) throws(ReferenceDataError) -> [ReferenceLine] {
        var records: [ReferenceLine] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var fields = trimmed.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if fields.count > columns {
                throw ReferenceDataError(
                    file: file, line: index + 1,
                    message: "\(fields.count) fields where \(columns) are expected (is there a stray “|”?).")
            }
            while fields.count < columns { fields.append("") }
            records.append(ReferenceLine(file: file, number: index + 1, fields: fields))
        }
        return records
    }

    subscript(_ column: Int) -> String { fields[column] }

    /// The comma-separated items of a field, trimmed, without empty ones.
    func list(_ column: Int, separator: Character = ",") -> [String] {
        fields[column].split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// An error about this line.
    func error(_ message: String) -> ReferenceDataError {
        ReferenceDataError(file: file, line: number, message: message)
    }

    /// The field, or an error naming what is missing.
    func required(_ column: Int, _ what: String) throws(ReferenceDataError) -> String {
        let value = fields[column]
        if value.isEmpty { throw error("the \(what) is missing.") }
        return value
    }
}
