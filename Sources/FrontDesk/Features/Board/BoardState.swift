public import ClinicCore
public import Foundation
public import TerminalKit

/// The waiting-room board: the last good picture of the day, the clock, and whether the
/// store is answering. Replaced, never appended to, on each read.
public struct BoardState: Hashable, Sendable {
    public var clinicName: String
    public var names: BoardNames
    /// The current instant (from the injected clock), for the clock on screen and the day.
    public var now: Date
    public var timeZone: TimeZone
    public var size: Size
    /// What the board shows; empty until the first read.
    public var model = BoardModel()
    /// The day ``model`` was read for; nil before the first good read.
    public var day: CalendarDate?
    /// When the store last answered.
    public var lastRead: Date?
    public var connection = BoardConnection.connecting
    /// A read is in flight (there is never more than one).
    public var isLoading = false
    /// Something changed while a read was in flight: read again when it answers.
    public var reloadPending = false
    public var shouldQuit = false

    public init(clinicName: String, names: BoardNames, now: Date, timeZone: TimeZone, size: Size) {
        self.clinicName = clinicName
        self.names = names
        self.now = now
        self.timeZone = timeZone
        self.size = size
    }

    /// Today in the clinic.
    public var today: CalendarDate { CalendarDate.today(clock: .fixed(now), timeZone: timeZone) }
}

/// Whether the board's picture is current.
public enum BoardConnection: Hashable, Sendable {
    /// Before the first read answered.
    case connecting
    /// The last read succeeded.
    case live
    /// The last read failed (the database busy or away); the last good picture stays up and
    /// the board reads again on the next change or tick.
    case reconnecting
}

/// What can happen to the board.
public enum BoardAction: Hashable, Sendable {
    /// The board has just been put on screen.
    case start
    /// A key, a resize, a paste or a click (only q and C-c do anything).
    case event(KeyEvent)
    /// The clock moved (every second).
    case tick(Date)
    /// Another process committed to the database.
    case storeChanged
    /// The store answered with the day's visits.
    case loaded(CalendarDate, [WaitingRoomEntry])
    /// The read failed; in words, for the log.
    case failed(String)
}

/// Work the board asks for.
public enum BoardEffect: Hashable, Sendable {
    /// Read the day's visits.
    case load(CalendarDate)

    /// Runs the effect through the board's client; every failure comes back as ``BoardAction/failed(_:)``.
    public func run(_ client: BoardClient) async -> [BoardAction] {
        switch self {
        case let .load(day):
            do {
                return [.loaded(day, try await client.day(day))]
            } catch {
                client.log("board: reading \(day) failed: \(error)")
                return [.failed(String(describing: error))]
            }
        }
    }
}

/// What the board needs from the world: the clinic's name and clock, the day's visits, and
/// word when another process commits. Read-only: the board never writes.
public struct BoardClient: Sendable {
    public var clinicName: String
    public var timeZone: TimeZone
    /// The current instant.
    public var now: @Sendable () -> Date
    /// The day's visits with the patients' names and nothing clinical.
    public var day: @Sendable (CalendarDate) async throws -> [WaitingRoomEntry]
    /// Yields whenever another process commits; finishes only when its consumer stops.
    public var changes: @Sendable () -> AsyncStream<Void>
    /// Writes a line to the log (never to the screen).
    public var log: @Sendable (String) -> Void

    public init(
        clinicName: String, timeZone: TimeZone, now: @escaping @Sendable () -> Date,
        day: @escaping @Sendable (CalendarDate) async throws -> [WaitingRoomEntry],
        changes: @escaping @Sendable () -> AsyncStream<Void>, log: @escaping @Sendable (String) -> Void
    ) {
        self.clinicName = clinicName
        self.timeZone = timeZone
        self.now = now
        self.day = day
        self.changes = changes
        self.log = log
    }
}
