import ClinicCore
import ClinicStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import FrontDesk

extension LiveDependencies {
    /// The checks run in the background at sign-in: the audit chain recomputed, and whether
    /// every account on this computer can read the database.
    static func integrity(of store: ClinicStore) -> [IntegrityWarning] {
        var warnings: [IntegrityWarning] = []
        do {
            if let problem = try store.verifyAuditChain().problem {
                warnings.append(IntegrityWarning(
                    short: "audit trail broken",
                    detail: "The audit trail was tampered with: \(problem) Tell the clinic's IT person; `clinicdesk audit verify` shows it."))
            }
        } catch {
            warnings.append(IntegrityWarning(short: "audit trail unchecked", detail: "The audit trail could not be checked: \(error)."))
        }
        if let exposure = FileAccess.exposure(of: store.path) {
            warnings.append(IntegrityWarning(short: "database readable by all", detail: exposure))
        }
        return warnings
    }
}

extension LiveDependencies {
    /// The terminal this process runs on, as `who` would name it, or the process when there is none.
    static var terminalName: String {
        if let name = ttyname(STDIN_FILENO) { return String(cString: name) }
        return "process \(getpid())"
    }
}
