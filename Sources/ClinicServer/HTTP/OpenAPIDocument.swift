/// The OpenAPI 3.0 description of the API (`Resources/openapi.json`, embedded in the binary).
public enum OpenAPIDocument {
    /// The document's bytes, as served at ``ServerRoutes/openAPI``.
    public static var bytes: [UInt8] { PackageResources.openapi_json }
}
