import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether another process has a clinic database open, asked of the operating system rather than
/// of anything a crashed terminal could have left behind.
///
/// Every connection to a WAL database holds a shared POSIX lock on one byte of the `-shm`
/// file (SQLite's "DMS" slot, byte 128: `os_unix.c`, `UNIX_SHM_DMS`) for as long as it is
/// open, and the kernel drops it when the process ends however it ends. `F_GETLK` for a write
/// lock on that byte names a process that holds it; locks of this process never conflict, so
/// the caller's own connections do not count. The main file's own locks (held during a
/// transaction) are asked the same way.
enum DatabaseInUse {
    /// The id of a process that has `path` open, or nil when none has.
    static func holder(of path: String) -> Int32? {
        for (file, offset, length) in [(path + "-shm", 128, 1), (path, 0x4000_0000, 512)] {
            let fd = open(file, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var probe = flock()
            probe.l_type = Int16(F_WRLCK)
            probe.l_whence = Int16(SEEK_SET)
            probe.l_start = off_t(offset)
            probe.l_len = off_t(length)
            if fcntl(fd, F_GETLK, &probe) == 0, probe.l_type != Int16(F_UNLCK) { return probe.l_pid }
        }
        return nil
    }
}
