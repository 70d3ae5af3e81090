import ArgumentParser
import ClinicServer
import Foundation

/// `--database URL`, else `$CLINICDESK_DATABASE_URL`, else a local default.
struct DatabaseOptions: ParsableArguments {
    static let environmentVariable = "CLINICDESK_DATABASE_URL"
    static let defaultURL = "postgres://clinicdesk@127.0.0.1:5432/clinicdesk"

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp("PostgreSQL URL (else $\(Self.environmentVariable)).", valueName: "url")
    )
    var url: String?

    /// The URL the flag, the environment or the default gives, in that order.
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseURL {
        let text = url ?? environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultURL
        do {
            return try DatabaseURL(parsing: text)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
