import PostgresNIO

extension PSQLError {
    /// The SQLSTATE PostgreSQL sent, if this error came from the server.
    var sqlState: String? {
        serverInfo?[.sqlState]
    }

    /// A deadlock (40P01) or serialization failure (40001): the transaction may simply be run again.
    var isRetryable: Bool {
        sqlState == "40P01" || sqlState == "40001"
    }

    /// The connection to PostgreSQL failed or was lost, as opposed to a query being wrong.
    var isConnectionFailure: Bool {
        switch code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed,
             .sslUnsupported, .failedToAddSSLHandler:
            true
        default:
            sqlState.map { $0.hasPrefix("08") || $0.hasPrefix("57P") } ?? false
        }
    }
}
