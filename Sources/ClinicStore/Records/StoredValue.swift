import ClinicCore
import Foundation

/// A value in the database that cannot be read back: the file was edited outside
/// ClinicDesk or is damaged. Surfaces as a clear error instead of a crash.
struct MalformedStoredValue: Error, CustomStringConvertible {
    let kind: String
    let text: String

    var description: String { "the database holds a malformed \(kind) “\(text)”" }
}

extension EntityID {
    /// Reads an id written by the store.
    init(stored text: String) throws {
        guard let id = EntityID(text) else { throw MalformedStoredValue(kind: "id", text: text) }
        self = id
    }
}

extension UUID {
    /// Reads a UUID written by the store.
    init(stored text: String) throws {
        guard let uuid = UUID(canonical: text) else { throw MalformedStoredValue(kind: "id", text: text) }
        self = uuid
    }
}

extension HLCTimestamp {
    /// Reads a clock value written by the store.
    init(stored text: String) throws {
        guard let value = HLCTimestamp(text) else { throw MalformedStoredValue(kind: "clock value", text: text) }
        self = value
    }
}
