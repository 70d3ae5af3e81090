import SyncProtocol

/// Routes the server adds to those of ``SyncRoutes``.
public enum ServerRoutes {
    /// The OpenAPI 3.0 description of the API, as JSON.
    public static let openAPI = "/v1/openapi.json"
}
