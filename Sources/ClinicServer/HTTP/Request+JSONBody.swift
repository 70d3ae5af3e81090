import Foundation
import Hummingbird
import SyncProtocol

extension Request {
    /// Reads the body (at most ``SyncLimits/maxBodyBytes``) and decodes it as `type`.
    ///
    /// - Throws: ``APIError/bodyTooLarge`` or ``APIError/malformedJSON(_:)``, naming where in
    ///   the document decoding failed but never quoting decoder internals.
    func decodeJSON<Value: Decodable>(_ type: Value.Type) async throws -> Value {
        if let length = headers[.contentLength].flatMap(Int.init), length > SyncLimits.maxBodyBytes {
            throw APIError.bodyTooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: SyncLimits.maxBodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.malformedJSON(Self.describe(error))
        }
    }

    /// Where and roughly why decoding failed, e.g. "changes[3].hlc has the wrong type".
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the document" : text
        }
        switch error {
        case let .keyNotFound(key, context): return "\(path(context.codingPath + [key])) is missing"
        case let .valueNotFound(_, context): return "\(path(context.codingPath)) is null or missing"
        case let .typeMismatch(_, context): return "\(path(context.codingPath)) has the wrong type"
        case let .dataCorrupted(context) where context.codingPath.isEmpty: return "it is not well-formed JSON"
        case let .dataCorrupted(context): return "\(path(context.codingPath)) has an invalid value"
        @unknown default: return "it does not match the expected shape"
        }
    }
}
