public import ClinicCore
public import Foundation
public import TerminalKit

/// What every feature may read and none may change: who is signed in, the time, the
/// clinic's date order and the screen size. The root builds it; reducers and views get it.
public struct Session: Hashable, Sendable {
    /// The signed-in user; nil on the sign-in screen.
    public var user: User?
    /// The current instant (from the injected clock).
    public var now: Date
    /// The clinic's time zone, which decides what "today" is.
    public var timeZone: TimeZone
    /// How dates such as 7/3/1984 are read.
    public var dateOrder: DateOrder
    /// The terminal size.
    public var size: Size

    public init(user: User? = nil, now: Date, timeZone: TimeZone, dateOrder: DateOrder, size: Size) {
        self.user = user
        self.now = now
        self.timeZone = timeZone
        self.dateOrder = dateOrder
        self.size = size
    }

    /// The same session with the time cut to the start of its minute: what the panes draw
    /// with. Nothing in a pane shows seconds, so a pane's inputs change at most once a minute
    /// and the clock's tick each second redraws the status line only (thirty idle terminals on
    /// one database otherwise redraw every pane every second, and a check-in that lands then
    /// waits behind them).
    public var toTheMinute: Session {
        var session = self
        session.now = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        return session
    }

    /// Today in the clinic.
    public var today: CalendarDate { CalendarDate.today(clock: .fixed(now), timeZone: timeZone) }

    /// The clinic's date and time now, as appointments are booked.
    public var localNow: LocalDateTime { LocalDateTime(date: today, time: ClockText.time(now, timeZone: timeZone)) }

    /// The signed-in user's role.
    public var role: Role? { user?.role }

    /// Whether the signed-in user may do `permission` (nobody may before signing in).
    public func may(_ permission: Permission) -> Bool {
        user?.role.may(permission) ?? false
    }

    /// Why the signed-in user may not do `permission`, in words; nil when they may.
    public func refusal(_ permission: Permission) -> String? {
        guard let role else { return "Sign in first." }
        return role.may(permission) ? nil : "A \(role) may not \(permission)."
    }
}
