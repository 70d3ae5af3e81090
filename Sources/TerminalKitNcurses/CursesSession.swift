import CNcursesw
import Foundation
import Synchronization
import TerminalKit

/// The curses thread: sets the terminal up, then waits on the terminal, the wake pipe and
/// the signal pipe, reading input, drawing frames and handling signals, until told to stop.
///
/// Every curses call in the program happens on this thread. Its mutable state is touched
/// by no other thread, hence `@unchecked Sendable`.
final class CursesSession: @unchecked Sendable {
    enum Exit {
        case stopRequested
        case signal(Int32)
        case hangUp
    }

    let shared: CursesShared
    let signals: SelfPipe
    let configuration: NcursesBackend.Configuration
    var theme: Theme
    var screen: OpaquePointer?
    var painter: CursesPainter?
    var decoder = CursesInputDecoder()
    var lastFrame: (buffer: Buffer, cursor: Position?)?
    var drawn: Buffer?
    var needsFullRedraw = true
    var screenSize = Size.zero
    var reportedSize = Size.zero
    var cursorVisible = false
    var paste: (enable: String, disable: String)?

    init(shared: CursesShared, signals: SelfPipe, theme: Theme, configuration: NcursesBackend.Configuration) {
        self.shared = shared
        self.signals = signals
        self.theme = theme
        self.configuration = configuration
    }

    /// The thread body.
    func run() {
        do {
            try setUp()
        } catch {
            shared.mailbox.withLock { $0.startup = .failure(error) }
            shared.started.signal()
            finish(redelivering: nil)
            return
        }
        shared.mailbox.withLock { $0.startup = .success(()) }
        shared.started.signal()
        let exit = loop()
        tearDown()
        if case .signal(let number) = exit {
            finish(redelivering: number)
        } else {
            finish(redelivering: nil)
        }
    }

    private func finish(redelivering signal: Int32?) {
        signals.close()
        shared.continuation.finish()
        shared.finished.leave()
        if let signal { SignalRelay.redeliver(signal) }
    }

    private func loop() -> Exit {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: shared.wake.readEnd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            for index in fds.indices { fds[index].revents = 0 }
            if poll(&fds, nfds_t(fds.count), -1) < 0 && errno != EINTR { return .hangUp }
            if fds[2].revents != 0 {
                for number in signals.drain() {
                    if let exit = handleSignal(Int32(number)) { return exit }
                }
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangUp }
            readInput()
            if fds[1].revents != 0 { _ = shared.wake.drain() }
            let work = shared.mailbox.withLock { mailbox in
                defer {
                    mailbox.frame = nil
                    mailbox.theme = nil
                }
                return (mailbox.frame, mailbox.theme, mailbox.stopRequested)
            }
            if work.2 { return .stopRequested }
            if let newTheme = work.1 {
                theme = newTheme
                painter?.setTheme(newTheme)
                needsFullRedraw = true
            }
            if let frame = work.0 { lastFrame = frame }
            if work.0 != nil || needsFullRedraw { drawLastFrame() }
        }
    }

    /// Handles a relayed signal; returns how to leave the loop, or `nil` to keep going.
    private func handleSignal(_ number: Int32) -> Exit? {
        switch number {
        case SIGWINCH:
            handleResize(force: true)
        case SIGTSTP:
            suspend()
        case SIGCONT:
            resumeTerminal()
        default:
            return .signal(number)
        }
        return nil
    }

    /// Reads everything readable and delivers the events.
    private func readInput() {
        while true {
            var character: wint_t = 0
            let result = wget_wch(cn_stdscr(), &character)
            if result == cn_err() { break }
            let raw: RawInput = result == KEY_CODE_YES ? .keyCode(Int32(bitPattern: character)) : .character(character)
            deliver(decoder.feed(raw))
        }
        deliver(decoder.endOfBatch())
    }

    private func deliver(_ inputs: [DecodedInput]) {
        for input in inputs {
            switch input {
            case .event(.key(let press)) where configuration.suspendOnControlZ && press == .ctrl("z"):
                suspend()
            case .event(let event):
                shared.continuation.yield(event)
            case .mouse:
                if let event = readMouse() { shared.continuation.yield(event) }
            case .resize:
                handleResize(force: false)
            }
        }
    }

    private func readMouse() -> KeyEvent? {
        var event = MEVENT()
        guard getmouse(&event) == cn_ok() else { return nil }
        let state = event.bstate
        var modifiers: Modifiers = []
        if state & cn_button_shift() != 0 { modifiers.insert(.shift) }
        if state & cn_button_ctrl() != 0 { modifiers.insert(.ctrl) }
        if state & cn_button_alt() != 0 { modifiers.insert(.alt) }
        let kind: MouseEvent.Kind
        if state & cn_button_pressed(1) != 0 {
            kind = .press(.left)
        } else if state & cn_button_pressed(2) != 0 {
            kind = .press(.middle)
        } else if state & cn_button_pressed(3) != 0 {
            kind = .press(.right)
        } else if state & cn_button_pressed(4) != 0 {
            kind = .wheelUp
        } else if state & cn_button_pressed(5) != 0 {
            kind = .wheelDown
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind, at: Position(x: Int(event.x), y: Int(event.y)), modifiers: modifiers))
    }
}
