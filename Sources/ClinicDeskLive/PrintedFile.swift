import Foundation

/// A printed document: written as a PDF, then sent to the CUPS printer with `lp` when one is
/// set up; answers what happened, in words for the status line.
enum PrintedFile {
    static func write(_ pdf: Data, named name: String, in folder: URL, printer: String?, title: String, what: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try pdf.write(to: file, options: .atomic)
        guard let printer else { return "Wrote the \(what) to \(file.path) (no printer is set up)." }
        return send(file, to: printer, title: title, what: what)
    }

    static func send(_ file: URL, to printer: String, title: String, what: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/lp")
        process.arguments = ["-d", printer, "-t", title, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "Cannot print: lp is not installed here. The \(what) is at \(file.path)."
        }
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return "Printer \(printer) refused the \(what) (\(said.isEmpty ? "lp failed" : said)); it is at \(file.path)."
        }
        return "Sent the \(what) to \(printer) (also at \(file.path))."
    }
}
