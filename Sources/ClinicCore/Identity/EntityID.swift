public import Foundation

/// A typed identifier: an `EntityID<Patient>` can never be passed where an
/// `EntityID<Provider>` is expected, so one patient's data cannot be filed under another kind of row.
public struct EntityID<Entity>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID) {
        self.uuid = uuid
    }

    /// Parses the canonical text form; nil if it is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUIDText.parse(text) else { return nil }
        self.uuid = uuid
    }

    /// Lowercase canonical text, as stored.
    public var description: String { uuid.lowercased }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool {
        lhs.description < rhs.description
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let uuid = UUIDText.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a UUID")
        }
        self.uuid = uuid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension UUIDv7Generator {
    /// A new typed id.
    public func id<Entity>(for _: Entity.Type = Entity.self) -> EntityID<Entity> {
        EntityID(next())
    }
}
