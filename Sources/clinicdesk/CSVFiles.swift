import CSV
import ClinicCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CSV in and out through CSV.swift (quoting, embedded commas, quotes and line breaks).
enum CSVFiles {
    /// A file's rows after its header; each with the physical line it starts on (a quoted cell
    /// may hold line breaks, so rows and lines differ), for messages that name the line.
    struct Table {
        var header: [String]
        var rows: [[String]]
        var lines: [Int]
    }

    /// Parses `text`; the delimiter is `;` when the header has more semicolons than commas (a
    /// spreadsheet saved in a locale that writes decimal commas).
    static func read(_ text: String) throws(ImportProblem) -> Table {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: UnicodeScalar = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
        } catch {
            throw ImportProblem("The file's header row cannot be read as CSV (\(error)).")
        }
        guard let header = reader.headerRow, header.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ImportProblem("The file is empty: it has no header row naming its columns.")
        }
        var table = Table(header: header, rows: [], lines: [])
        var line = 2 + header.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
        while let row = reader.next() {
            let breaks = row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if !(row.count == 1 && row[0].isEmpty) {  // blank lines are not rows
                table.rows.append(row)
                table.lines.append(line)
            }
            line += 1 + breaks
        }
        if let error = reader.error {
            throw ImportProblem("The file is not valid CSV near line \(line): \(error). Nothing was imported.")
        }
        return table
    }

    /// Writes a header and rows to `path`, owner-only like everything this program writes: into
    /// `<path>.partial` first, renamed over `path` only once every row is written (and `body` has
    /// returned), so a failure half way leaves no half-written file of patient data behind.
    @discardableResult
    static func write<T>(to path: String, header: [String], _ body: (Rows) throws -> T) throws -> T {
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]),
              let stream = OutputStream(toFileAtPath: partial, append: true)
        else { throw CommandFailure("Cannot write \(path): the folder is missing or not writable.") }
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: header)
            let result = try body(Rows(writer: writer))
            // A failed write throws from CSVWriter itself (streamError is not available on Linux).
            writer.stream.close()
            guard rename(partial, path) == 0 else { throw CommandFailure("Cannot write \(path): \(String(cString: strerror(errno))).") }
            return result
        } catch {
            stream.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Where a file's rows go.
    struct Rows {
        let writer: CSVWriter

        func callAsFunction(_ cells: [String]) throws { try writer.write(row: cells) }
    }

    /// One line of CSV (for standard output).
    static func line(_ cells: [String]) -> String {
        let stream = OutputStream(toMemory: ())
        guard let writer = try? CSVWriter(stream: stream), (try? writer.write(row: cells)) != nil else { return cells.joined(separator: ",") }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
