public import Foundation

/// What text encoding an imported file is in. UTF-8 (with or without a byte-order mark) is read
/// as it is; anything else is named with the first byte that is not UTF-8 and what it would be in
/// Windows-1252 or Latin-1, never imported as mojibake unless the person says which it is.
public enum TextEncodingCheck {
    public enum Encoding: String, CaseIterable, Sendable {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
        case latin1 = "latin-1"

        /// `--encoding` as typed ("UTF8", "cp1252", "iso-8859-1" …).
        public init?(named text: String) {
            switch text.lowercased().replacingOccurrences(of: "_", with: "-") {
            case "utf-8", "utf8": self = .utf8
            case "windows-1252", "cp1252", "win1252", "windows1252": self = .windows1252
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1": self = .latin1
            default: return nil
            }
        }

        var foundation: String.Encoding {
            switch self {
            case .utf8: .utf8
            case .windows1252: .windowsCP1252
            case .latin1: .isoLatin1
            }
        }
    }

    /// The file's text: UTF-8 unless `declared` says otherwise; a byte-order mark is dropped.
    public static func text(of data: Data, declared: Encoding?) throws(ImportProblem) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportProblem("The file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as CSV UTF-8 and import that.")
        }
        let encoding = declared ?? .utf8
        if encoding == .utf8 {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw notUTF8(bytes) }
            return text
        }
        guard let text = String(data: bytes, encoding: encoding.foundation) else {
            throw ImportProblem("The file cannot be read as \(encoding.rawValue).")
        }
        return text
    }

    /// Names the first byte that is not UTF-8, its line, and what the file would say read as
    /// Windows-1252 (when it uses 0x80–0x9F, which Latin-1 leaves to control codes) or Latin-1.
    static func notUTF8(_ bytes: Data) -> ImportProblem {
        let array = [UInt8](bytes)
        var index = 0
        var first: Int?
        var invalid: [UInt8] = []
        var multibyte = 0
        while index < array.count {
            let length = utf8Length(array, at: index)
            if length == 0 {
                first = first ?? index
                invalid.append(array[index])
                index += 1
            } else {
                if length > 1 { multibyte += 1 }
                index += length
            }
        }
        let at = first ?? 0
        let line = array[..<at].filter { $0 == 0x0A }.count + 1
        let byte = at < array.count ? String(format: "0x%02X", array[at]) : "?"
        // A file that is mostly UTF-8 (more valid accented letters than stray bytes) is not another encoding:
        // reading it as one would garble every name that is right.
        if multibyte > invalid.count {
            return ImportProblem("The file is UTF-8 except for line \(line), which has the byte \(byte) that is not: fix that line (or "
                + "the \(invalid.count) such byte\(invalid.count == 1 ? "" : "s") in the file) and import again. Nothing was imported.")
        }
        // Only the bytes that are not UTF-8 tell the two apart: 0x80–0x9F are letters and quotes in
        // Windows-1252 and control codes in Latin-1.
        let guess: Encoding = invalid.contains(where: { (0x80...0x9F).contains($0) }) ? .windows1252 : .latin1
        let lineStart = array[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lineEnd = array[at...].firstIndex(of: 0x0A) ?? array.count
        let sample = String(data: Data(array[lineStart..<lineEnd]), encoding: guess.foundation)?
            .trimmingCharacters(in: .whitespacesAndNewlines).prefix(60) ?? ""
        return ImportProblem(
            "The file is not UTF-8: line \(line) has the byte \(byte), which looks like \(guess == .windows1252 ? "Windows-1252" : "Latin-1") "
                + "(read that way the line says “\(sample)”). If that is right, run again with --encoding \(guess.rawValue); "
                + "or save the file as CSV UTF-8. Nothing was imported.")
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is not one.
    static func utf8Length(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, minimum): (Int, UInt32) = switch first {
        case 0x00...0x7F: (1, 0)
        case 0xC2...0xDF: (2, 0x80)
        case 0xE0...0xEF: (3, 0x800)
        case 0xF0...0xF4: (4, 0x10000)
        default: (0, 0)
        }
        guard length > 0, index + length <= bytes.count else { return 0 }
        var scalar = UInt32(first) & (length == 1 ? 0x7F : UInt32(0xFF >> (length + 1)))
        for offset in 1..<max(length, 1) where length > 1 {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return 0 }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return 0 }
        return length
    }
}
