import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits for writes to a database's files — the database, its `-wal` and `-journal` — by
/// watching their folder with inotify, so that a process learns of another's commit without
/// waking up to ask. Linux only (`isAvailable` is false elsewhere, and callers poll instead).
///
/// The folder is watched rather than the files, because SQLite deletes the WAL when the last
/// connection closes and creates a new one on the next write. Writes through memory maps (the
/// `-shm` index) raise no event; the WAL's frames are written with `write(2)` and do.
final class DatabaseFileWatch: @unchecked Sendable {
    /// What one wait ended with.
    enum Wake {
        /// One of the database's files was written (or created, or moved into place).
        case written
        /// The timeout passed.
        case timedOut
        /// ``stop()`` was called.
        case stopped
    }

    #if os(Linux)
    private let inotify: Int32
    private let wake: (read: Int32, write: Int32)
    private let names: Set<String>

    /// Watches the folder of `path`; nil when inotify cannot be used (no descriptors left, or a
    /// folder it cannot watch), and callers poll instead.
    init?(path: String) {
        let url = URL(fileURLWithPath: path)
        let base = url.lastPathComponent
        names = [base, base + "-wal", base + "-journal"]
        inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else { return nil }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            close(inotify)
            return nil
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wake = (fds[0], fds[1])
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO)
        guard inotify_add_watch(inotify, url.deletingLastPathComponent().path, mask) >= 0 else {
            close(inotify)
            close(wake.read)
            close(wake.write)
            return nil
        }
    }

    deinit {
        close(inotify)
        close(wake.read)
        close(wake.write)
    }

    static let isAvailable = true

    /// The name the watching thread goes by in `top -H`, `/proc/<pid>/task/*/comm` and debuggers (15 bytes at most).
    static let threadName = "clinicdesk.chg"

    /// Names the calling thread ``threadName`` (through `/proc`: glibc's `pthread_setname_np` is not visible to Swift).
    static func nameThisThread() {
        try? Data(threadName.utf8).write(to: URL(fileURLWithPath: "/proc/thread-self/comm"))
    }

    /// Blocks until one of the database's files is written, `timeout` passes, or ``stop()`` is called.
    func wait(timeout: Duration) -> Wake {
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return .timedOut }
            var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&fds, 2, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return ready == 0 ? .timedOut : .stopped }
            if fds[1].revents != 0 { return .stopped }
            if drainConcernsDatabase() { return .written }
        }
    }

    /// Wakes a ``wait(timeout:)`` in progress (or the next one) with `.stopped`.
    func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// Reads every pending event; true when one names a file of the database.
    private func drainConcernsDatabase() -> Bool {
        var concerns = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { return concerns }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                if names.contains(String(decoding: nameBytes, as: UTF8.self)) { concerns = true }
                offset += header + length
            }
        }
    }
    #else
    init?(path: String) { nil }

    static let isAvailable = false

    static let threadName = "clinicdesk.chg"

    static func nameThisThread() {}

    func wait(timeout: Duration) -> Wake { .stopped }

    func stop() {}
    #endif
}
