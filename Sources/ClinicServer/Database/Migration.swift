/// One numbered, append-only step of the server's schema.
///
/// A migration that has shipped is never edited: the runner stores each one's checksum
/// and refuses to go on if the code no longer matches what was applied.
public struct Migration: Sendable, Hashable {
    /// Position in the sequence, from 1, without gaps.
    public let version: Int
    /// A short snake_case name, for the operator's eyes.
    public let name: String
    /// The SQL statements, run in order inside one transaction.
    public let statements: [String]

    /// A migration; give it the next free version.
    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// Hex SHA-256 of the statements: what was applied, to detect a later edit.
    public var checksum: String {
        Hashing.sha256Hex(statements.joined(separator: "\n;\n"))
    }
}
