/// Finds the line on which each key of a TOML file is written.
///
/// TOMLKit reports lines only for syntax errors, yet a good diagnostic names the line of
/// the bad key. This scanner reads table headers, `key = value` lines (dotted and quoted
/// keys included) and inline tables, and skips strings, arrays and multi-line strings.
/// It runs only on text TOMLKit has already accepted, so it can stay small; a key it cannot
/// place simply has no line.
struct TOMLLineIndex: Sendable {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        var closer: [Character]?
        var arrayDepth = 0
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var scanner = LineScanner(Array(rawLine), line: offset + 1)
            if let delimiter = closer {
                guard scanner.skip(pastDelimiter: delimiter) else { continue }
                closer = nil
            }
            if arrayDepth > 0 {
                arrayDepth = scanner.skipArrayContents(depth: arrayDepth, closer: &closer)
                continue
            }
            scanner.skipSpaces()
            guard let first = scanner.peek, first != "#" else { continue }
            if first == "[" {
                scanner.advance()
                let isArrayOfTables = scanner.peek == "["
                if isArrayOfTables { scanner.advance() }
                guard let keys = scanner.readKey() else { continue }
                table = keys
                record(keys, line: offset + 1)
                continue
            }
            guard let keys = scanner.readKey() else { continue }
            let path = table + keys
            record(path, line: offset + 1)
            scanner.skipSpaces()
            guard scanner.peek == "=" else { continue }
            scanner.advance()
            var found: [([String], Int)] = []
            arrayDepth = scanner.skipValue(path: path, found: &found, closer: &closer)
            for (keyPath, line) in found { record(keyPath, line: line) }
        }
    }

    /// The 1-based line where the key at `path` (table names then key) is written.
    func line(of path: [String]) -> Int? {
        lines[path.joined(separator: "\u{1F}")]
    }

    private mutating func record(_ path: [String], line: Int) {
        for length in 1...max(1, path.count) where length <= path.count {
            let key = path.prefix(length).joined(separator: "\u{1F}")
            if lines[key] == nil { lines[key] = line }
        }
    }
}

/// Reads TOML tokens from one line.
private struct LineScanner {
    var characters: [Character]
    var index = 0
    let line: Int

    init(_ characters: [Character], line: Int) {
        self.characters = characters
        self.line = line
    }

    var peek: Character? { index < characters.count ? characters[index] : nil }

    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" || c == "\r" { advance() }
    }

    /// Reads a possibly dotted key made of bare, "basic" or 'literal' parts.
    mutating func readKey() -> [String]? {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard let c = peek else { return parts.isEmpty ? nil : parts }
            if c == "\"" {
                advance()
                parts.append(readBasicString())
            } else if c == "'" {
                advance()
                parts.append(readLiteralString())
            } else {
                var bare = ""
                while let b = peek, b.isLetter || b.isNumber || b == "_" || b == "-" {
                    bare.append(b)
                    advance()
                }
                guard !bare.isEmpty else { return parts.isEmpty ? nil : parts }
                parts.append(bare)
            }
            skipSpaces()
            guard peek == "." else { return parts }
            advance()
        }
    }

    mutating func readBasicString() -> String {
        var result = ""
        while let c = peek {
            advance()
            if c == "\"" { return result }
            if c == "\\", let escaped = peek {
                advance()
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "u", "U":
                    let length = escaped == "u" ? 4 : 8
                    let end = min(index + length, characters.count)
                    let hex = String(characters[index..<end])
                    index = end
                    if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                        result.unicodeScalars.append(scalar)
                    }
                default: result.append(escaped)
                }
                continue
            }
            result.append(c)
        }
        return result
    }

    mutating func readLiteralString() -> String {
        var result = ""
        while let c = peek {
            advance()
            if c == "'" { return result }
            result.append(c)
        }
        return result
    }

    /// Skips one value; records keys of inline tables. Returns the open array depth at line end.
    mutating func skipValue(path: [String], found: inout [([String], Int)], closer: inout [Character]?) -> Int {
        skipSpaces()
        guard let c = peek else { return 0 }
        switch c {
        case "{":
            advance()
            while true {
                skipSpaces()
                guard let next = peek else { return 0 }
                if next == "}" {
                    advance()
                    return 0
                }
                if next == "," {
                    advance()
                    continue
                }
                guard let keys = readKey() else { return 0 }
                found.append((path + keys, line))
                skipSpaces()
                guard peek == "=" else { return 0 }
                advance()
                let depth = skipValue(path: path + keys, found: &found, closer: &closer)
                if depth > 0 { return depth }
            }
        case "[":
            advance()
            return skipArrayContents(depth: 1, closer: &closer)
        case "\"", "'":
            let triple = Array(repeating: c, count: 3)
            if index + 3 <= characters.count, Array(characters[index..<(index + 3)]) == triple {
                index += 3
                if !skip(pastDelimiter: triple) { closer = triple }
                return 0
            }
            advance()
            _ = c == "\"" ? readBasicString() : readLiteralString()
            return 0
        default:
            while let b = peek, b != ",", b != "}", b != "]", b != "#" { advance() }
            return 0
        }
    }

    /// Skips array text up to the bracket that closes `depth` levels; returns the depth still open.
    mutating func skipArrayContents(depth: Int, closer: inout [Character]?) -> Int {
        var depth = depth
        while let c = peek, depth > 0 {
            switch c {
            case "[", "{":
                depth += 1
                advance()
            case "]", "}":
                depth -= 1
                advance()
            case "\"":
                advance()
                _ = readBasicString()
            case "'":
                advance()
                _ = readLiteralString()
            case "#":
                return depth
            default:
                advance()
            }
        }
        return depth
    }

    /// Moves past the next occurrence of `delimiter`; false when the line has none.
    mutating func skip(pastDelimiter delimiter: [Character]) -> Bool {
        while index + delimiter.count <= characters.count {
            if Array(characters[index..<(index + delimiter.count)]) == delimiter {
                index += delimiter.count
                return true
            }
            index += 1
        }
        index = characters.count
        return false
    }
}
