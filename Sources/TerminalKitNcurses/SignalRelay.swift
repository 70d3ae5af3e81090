import CNcursesw
import Glibc

/// Routes terminal-related signals to the curses thread through a self-pipe.
///
/// Handlers are installed before curses starts, so curses installs none of its own (it
/// only replaces default handlers); the handler in the C shim only writes the signal
/// number to the pipe. This is the only file that calls the shim's signal functions, so
/// they share one copy of its static state.
enum SignalRelay {
    /// The signals the curses thread handles.
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH]

    /// Installs the relaying handlers, remembering the previous ones.
    static func install(writingTo fd: Int32) {
        for signal in handled { _ = cn_signal_install(fd, signal) }
    }

    /// Puts back the handlers that were there before ``install(writingTo:)``.
    static func restore() {
        for signal in handled { _ = cn_signal_restore(signal) }
    }

    /// Stops the process as the shell expects for C-z, returning once it is continued.
    static func stopProcess() {
        _ = cn_signal_default(SIGTSTP)
        cn_signal_unblock(SIGTSTP)
        _ = raise(SIGTSTP)
    }

    /// Re-installs the relaying handler for one signal after ``stopProcess()``, keeping the
    /// remembered previous handler.
    static func reinstall(_ signal: Int32) {
        _ = cn_signal_reinstall(signal)
    }

    /// Delivers `signal` again with the handler the program had before (the default ends it).
    static func redeliver(_ signal: Int32) {
        _ = cn_signal_restore(signal)
        cn_signal_unblock(signal)
        _ = raise(signal)
    }
}
