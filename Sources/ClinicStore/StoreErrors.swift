import ClinicCore
import GRDB

/// Translates whatever a database operation throws into a ``StoreError``.
enum StoreErrors {
    static func mapping<T>(path: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw translate(error, path: path)
        }
    }

    static func translate(_ error: any Error, path: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let failure as ValidationFailure:
            return .invalid(failure)
        case let problem as BillingProblem:
            return .billing(problem)
        case let error as AppointmentTransitionError:
            return .transition(error)
        case let error as MalformedStoredValue:
            return .notAClinicDatabase(path: path, detail: error.description)
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .locked(path: path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .notAClinicDatabase(path: path, detail: error.message ?? "not a database")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL:
                return .cannotOpen(path: path, detail: error.message ?? "\(error.resultCode)")
            default:
                return .database(error.message ?? "\(error.resultCode)")
            }
        default:
            return .database(String(describing: error))
        }
    }
}
