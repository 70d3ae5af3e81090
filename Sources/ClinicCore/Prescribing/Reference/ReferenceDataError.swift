/// A defect in a shipped reference file, naming the file and the line so it can be fixed there.
public struct ReferenceDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as it lives in the repository, such as `data/formulary/drugs.txt`.
    public var file: String
    /// The 1-based line, or nil for a problem with the file as a whole.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `data/formulary/drugs.txt line 12: unknown class “penicilins”.`
    public var description: String {
        if let line { return "\(file) line \(line): \(message)" }
        return "\(file): \(message)"
    }
}
