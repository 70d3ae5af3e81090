import Foundation
public import PostgresNIO

/// Where the server's PostgreSQL database is, parsed from a
/// `postgres://user:password@host:port/database?sslmode=disable` URL.
///
/// `sslmode` follows libpq's names: `disable`, `allow`/`prefer` (the default: TLS when the
/// server offers it), `require` (TLS, certificate not checked), `verify-ca` and `verify-full`.
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// A URL from its parts.
    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Parses a `postgres://` or `postgresql://` URL.
    public init(parsing text: String) throws(DatabaseURLError) {
        guard let components = URLComponents(string: text) else { throw DatabaseURLError(text: text, problem: "it is not a URL") }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw DatabaseURLError(text: text, problem: "it must start with postgres://")
        }
        guard let host = components.host, !host.isEmpty else { throw DatabaseURLError(text: text, problem: "it names no host") }
        guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw DatabaseURLError(text: text, problem: "it names no user (postgres://user:password@host/database)")
        }
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw DatabaseURLError(text: text, problem: "it names no database (postgres://user:password@host/database)")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] where item.name == "sslmode" {
            switch item.value ?? "" {
            case "disable": tls = .disable
            case "allow", "prefer": tls = .prefer
            case "require": tls = .require
            case "verify-ca": tls = .verifyCA
            case "verify-full": tls = .verifyFull
            default: throw DatabaseURLError(text: text, problem: "sslmode “\(item.value ?? "")” is not one of disable, prefer, require, verify-ca, verify-full")
            }
        }
        self.init(
            host: host, port: components.port ?? 5432, username: user,
            password: components.percentEncodedPassword?.removingPercentEncoding, database: database, tls: tls
        )
    }

    /// The same server and credentials, another database.
    public func with(database: String) -> DatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The full URL, password included: for handing to another process, never for logs.
    public var urlString: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = username
        components.password = password
        components.host = host
        components.port = port
        components.path = "/" + database
        components.queryItems = [URLQueryItem(name: "sslmode", value: tls.rawValue)]
        return components.string ?? ""
    }

    /// The URL with the password hidden, safe for logs and error messages.
    public var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)"
    }

    /// Configuration for a connection pool.
    public var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: clientTLS
        )
        configuration.options.minimumConnections = 0
        return configuration
    }

    /// Configuration for one connection (the operator commands' first contact), giving up
    /// after `connectTimeout` when nothing answers.
    public func connectionConfiguration(connectTimeout: TimeAmount = .seconds(10)) throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: try connectionTLS()
        )
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }

    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration)
        case .require, .verifyCA, .verifyFull: .require(tlsConfiguration)
        }
    }

    private func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require, .verifyCA, .verifyFull: .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
    }
}

/// A database URL that cannot be used, and why.
public struct DatabaseURLError: Error, Sendable, CustomStringConvertible {
    /// The URL as given (it may hold a password: do not log it).
    public let text: String
    /// What is wrong with it.
    public let problem: String

    public var description: String {
        "The database URL is not usable: \(problem)."
    }
}
