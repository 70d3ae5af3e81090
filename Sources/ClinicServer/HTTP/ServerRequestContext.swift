import Hummingbird
import NIOCore
import SyncProtocol

/// The request context of every route: Hummingbird's core storage plus the device that
/// authenticated, once ``DeviceAuthenticationMiddleware`` has run.
struct ServerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The authenticated device; nil on the routes that need no credential.
    var device: AuthenticatedDevice?
    /// The connecting address (the enrollment throttle counts wrong codes per address); nil
    /// when the transport has none (tests).
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    var maxUploadSize: Int { SyncLimits.maxBodyBytes }

    /// The authenticated device, for routes behind the authentication middleware.
    func requireDevice() throws -> AuthenticatedDevice {
        guard let device else { throw APIError.missingCredential }
        return device
    }
}
