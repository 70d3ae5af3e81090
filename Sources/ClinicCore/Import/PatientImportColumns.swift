import Foundation

/// Which column of a patient spreadsheet goes into which field: by header name, with `--map
/// COLUMN=FIELD` for the others. Columns that map to nothing are named, not guessed at.
public struct PatientImportColumns: Hashable, Sendable {
    /// The column index of each mapped field.
    public let fields: [PatientImportField: Int]
    public let headers: [String]
    /// Headers imported into nothing.
    public let ignored: [String]

    /// - Parameter maps: `COLUMN=FIELD` overrides, as typed.
    public init(headers: [String], maps: [String]) throws(ImportProblem) {
        self.headers = headers
        var fields: [PatientImportField: Int] = [:]
        var mapped: Set<Int> = []
        for map in maps {
            let parts = map.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ImportProblem("--map “\(map)” is not COLUMN=FIELD (for example --map \"Nom=family_name\").")
            }
            guard let column = headers.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == parts[0] })
                ?? headers.firstIndex(where: { PatientImportField.key($0) == PatientImportField.key(parts[0]) })
            else {
                throw ImportProblem("--map names a column “\(parts[0])” that the file does not have; its columns are "
                    + headers.map { "“\($0)”" }.joined(separator: ", ") + ".")
            }
            guard let field = PatientImportField.named(parts[1]) else {
                throw ImportProblem("--map “\(map)”: “\(parts[1])” is not a field; use one of "
                    + PatientImportField.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            if let other = fields[field], other != column {
                throw ImportProblem("Two columns go into \(field.rawValue): “\(headers[other])” and “\(headers[column])”.")
            }
            fields[field] = column
            mapped.insert(column)
        }
        for (index, header) in headers.enumerated() where !mapped.contains(index) {
            guard let field = PatientImportField.recognised(header) else { continue }
            if let other = fields[field] {
                if mapped.contains(other) { continue }  // --map chose another column for it
                throw ImportProblem("Two columns go into \(field.rawValue): “\(headers[other])” and “\(header)”; "
                    + "choose one with --map \"\(header)=\(field.rawValue)\" and rename the other.")
            }
            fields[field] = index
        }
        for required in [PatientImportField.familyName, .givenName] where fields[required] == nil {
            throw ImportProblem("No column holds the \(required == .familyName ? "family name" : "given name"): the columns are "
                + headers.map { "“\($0)”" }.joined(separator: ", ") + ". Name it with --map \"COLUMN=\(required.rawValue)\".")
        }
        self.fields = fields
        ignored = headers.enumerated().filter { index, _ in !fields.values.contains(index) }.map(\.element)
    }

    /// The header of the column a field is read from.
    public func header(of field: PatientImportField) -> String? { fields[field].map { headers[$0] } }

    /// One row's cells as the registration form's fields.
    public func form(_ cells: [String]) -> PatientForm {
        func cell(_ field: PatientImportField) -> String {
            guard let index = fields[field], index < cells.count else { return "" }
            return cells[index]
        }
        var form = PatientForm()
        form.familyName = cell(.familyName)
        form.givenName = cell(.givenName)
        form.sex = cell(.sex)
        form.birthDate = cell(.birthDate)
        form.ageInYears = cell(.age)
        form.phone = cell(.phone)
        form.alternatePhone = cell(.alternatePhone)
        form.address = Address(line: cell(.address), city: cell(.city), region: cell(.region), postalCode: cell(.postalCode),
                               country: cell(.country))
        form.emergencyName = cell(.emergencyName)
        form.emergencyRelationship = cell(.emergencyRelationship)
        form.emergencyPhone = cell(.emergencyPhone)
        let number = cell(.idNumber)
        if !number.isBlank || !cell(.idType).isBlank {
            form.identifiers = [PatientIdentifier(kind: cell(.idType).isBlank ? "ID" : cell(.idType), value: number)]
        }
        return form
    }

    /// Each problem of a row, with the column it came from ("column “DOB”: Date of birth “31/02/1990” is not a date…").
    public func explain(_ failure: ValidationFailure) -> [String] {
        failure.problems.map { problem in
            let columns = PatientImportField.of(problem: problem.field).compactMap(header(of:))
            return columns.isEmpty ? problem.message : "column “\(columns[0])”: \(problem.message)"
        }
    }
}

/// Why an import cannot start, or a row cannot be read; said as it is shown.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
