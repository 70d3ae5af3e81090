public import Foundation

/// A clinic as the operator sees it.
public struct ClinicSummary: Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var createdAt: Date
    public var deviceCount: Int
}

/// A one-time enrollment code, shown once: only its hash is kept.
public struct IssuedCode: Hashable, Sendable {
    /// The code in display form, `K7QM-3XHD-9PRT`.
    public var code: String
    public var clinicName: String
    public var expiresAt: Date
}

/// An enrolled device as the operator sees it.
public struct DeviceSummary: Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var clinicName: String
    public var enrolledAt: Date
    public var lastPushAt: Date?
    /// Set when the server refused the device's changes for a clock too far ahead.
    public var flaggedAt: Date?
    public var flagReason: String?
    /// Set when an operator revoked the device; its credential no longer works.
    public var revokedAt: Date?
    public var revokeReason: String?
}

/// Why an operator request about clinics cannot be done.
public enum ClinicDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidName(String)
    case clinicExists(String)
    case noSuchClinic(String)
    case noSuchDevice(String)

    public var description: String {
        switch self {
        case .invalidName:
            "A clinic name must have between 1 and \(ClinicDirectory.maxNameLength) characters."
        case let .clinicExists(name):
            "A clinic named “\(name)” already exists; `clinicdesk-server clinic code \(Self.shellWord(name))` "
                + "gives another enrollment code."
        case let .noSuchClinic(name):
            "There is no clinic named “\(name)”; `clinicdesk-server clinic add \(Self.shellWord(name))` creates it."
        case let .noSuchDevice(id):
            "No device has the id \(id); `clinicdesk-server device list` shows them."
        }
    }

    /// `name` as one shell word, quoted when it needs to be.
    private static func shellWord(_ name: String) -> String {
        let plain = name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
