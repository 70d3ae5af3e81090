import Glibc

/// A non-blocking pipe: one side is written to wake the curses thread, the other is polled.
struct SelfPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    /// Creates a close-on-exec, non-blocking pipe.
    init() throws(NcursesBackendError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .cannotCreatePipe(errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    /// Writes one byte; a full pipe already means "wake up".
    func signal(_ byte: UInt8 = 1) {
        var value = byte
        _ = write(writeEnd, &value, 1)
    }

    /// Reads everything pending and returns the bytes.
    func drain() -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &chunk, chunk.count)
            guard count > 0 else { break }
            result += chunk[0..<count]
        }
        return result
    }

    func close() {
        _ = Glibc.close(readEnd)
        _ = Glibc.close(writeEnd)
    }
}
