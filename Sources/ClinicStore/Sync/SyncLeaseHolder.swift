import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Names the process holding the sync lease, so a lease left by a killed process is not waited out.
public enum SyncLeaseHolder {
    /// `host/pid/token` for this process.
    public static func current() -> String {
        "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(UUID().uuidString.prefix(8))"
    }

    /// False only when the holder ran on this host and its process no longer exists.
    static func isAlive(_ holder: String) -> Bool {
        let parts = holder.split(separator: "/")
        guard parts.count == 3, String(parts[0]) == ProcessInfo.processInfo.hostName, let pid = pid_t(parts[1]) else {
            return true
        }
        return kill(pid, 0) == 0 || errno != ESRCH
    }
}
