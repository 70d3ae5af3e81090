import ClinicCore
@testable import ClinicServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncProtocol
import Testing

/// Keeps `Resources/openapi.json` true to the router and to the wire types.
struct OpenAPITests {
    typealias JSONObject = [String: Any]

    static var document: JSONObject {
        (try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes))) as? JSONObject ?? [:]
    }

    static var schemas: [String: JSONObject] {
        ((document["components"] as? JSONObject)?["schemas"] as? [String: JSONObject]) ?? [:]
    }

    static let offlineDatabase = DatabaseURL(host: "127.0.0.1", port: 1, username: "nobody", password: nil, database: "none")

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let api = SyncAPI(database: ServerDatabase(url: Self.offlineDatabase, logger: ServerFixture.logger), clock: .system)
        let registered = Set(api.router().routes.map { "\($0.method.rawValue) \($0.path.description)" })
        let paths = try #require(Self.document["paths"] as? [String: JSONObject])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(registered == documented)
        #expect(documented.contains("POST \(SyncRoutes.push)"))
        #expect(Self.document["openapi"] as? String == "3.0.3")
    }

    @Test func theServedDocumentIsTheResource() async throws {
        let app = ClinicServerApp.build(ServerConfiguration(database: Self.offlineDatabase, logger: ServerFixture.logger))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: ServerRoutes.openAPI, method: .get)
            #expect(response.status == .ok)
            #expect(Array(response.body.readableBytesView) == OpenAPIDocument.bytes)
        }
    }

    /// Each schema's properties are the keys the type encodes with every optional set, and its
    /// required list the keys it encodes with none set.
    @Test(arguments: WireSamples.all)
    func schemaMatchesTheEncodedKeys(_ sample: WireSamples.Sample) throws {
        let schema = try #require(Self.schemas[sample.schema], "no schema \(sample.schema)")
        let properties = try #require(schema["properties"] as? JSONObject)
        #expect(Set(properties.keys) == sample.fullKeys, "\(sample.schema) properties")
        #expect(Set(schema["required"] as? [String] ?? []) == sample.minimalKeys, "\(sample.schema) required")
    }

    @Test func enumerationsListEveryCase() throws {
        func enumeration(_ schema: String, _ property: String) -> Set<String> {
            let properties = Self.schemas[schema]?["properties"] as? JSONObject
            return Set((properties?[property] as? JSONObject)?["enum"] as? [String] ?? [])
        }
        #expect(enumeration("ErrorDetail", "code") == Set(ErrorCode.allCases.map(\.rawValue)))
        #expect(enumeration("ChangeResult", "outcome") == Set(ChangeOutcome.allCases.map(\.rawValue)))
        #expect(enumeration("WireChange", "operation") == Set(ChangeOperation.allCases.map(\.rawValue)))
    }

    @Test func everyReferenceResolves() throws {
        let text = String(decoding: OpenAPIDocument.bytes, as: UTF8.self)
        let prefix = "#/components/schemas/"
        var references: Set<String> = []
        var rest = text[...]
        while let range = rest.range(of: prefix) {
            let name = rest[range.upperBound...].prefix { $0 != "\"" }
            references.insert(String(name))
            rest = rest[range.upperBound...]
        }
        #expect(!references.isEmpty)
        #expect(references.isSubset(of: Set(Self.schemas.keys)))
    }
}
