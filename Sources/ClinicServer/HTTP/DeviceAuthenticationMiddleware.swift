import Foundation
import Hummingbird
import Logging

/// Requires `Authorization: Bearer <credential>` and puts the device it belongs to in the context.
struct DeviceAuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let authenticator: DeviceAuthenticator

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let credential = Self.bearerCredential(request.headers[.authorization]) else {
            throw APIError.missingCredential
        }
        guard let device = try await authenticator.device(for: credential) else { throw APIError.invalidCredential }
        var context = context
        context.device = device
        context.logger[metadataKey: "device"] = "\(device.id.uuidString.lowercased())"
        return try await next(request, context)
    }

    /// The credential of a `Bearer` authorization header; nil when there is none.
    static func bearerCredential(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let credential = parts[1].trimmingCharacters(in: .whitespaces)
        return credential.isEmpty ? nil : credential
    }
}
