import ClinicCore
import Foundation
import TerminalKit

/// The main screen: the panes (grid or tabs) and the status line.
enum MainScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let layout = MainLayout(size: state.size, focus: state.focus)
        if !layout.isWide {
            let titles = Pane.allCases.map { pane in
                let title = layout.size.width >= 72 ? pane.title : pane.shortTitle
                return "F\(pane.rawValue + 1) \(title)"
            }
            buffer.render(Tabs(titles: titles, selected: state.focus.rawValue), in: layout.tabs)
        }
        for (pane, area) in layout.panes {
            let focused = pane == state.focus && state.confirm == nil && state.help == nil
            switch pane {
            case .schedule: SchedulePane.render(state, focused: focused, in: area, buffer: &buffer)
            case .queue: QueuePane.render(state, focused: focused, in: area, buffer: &buffer)
            case .lookup: LookupPane.render(state, focused: focused, in: area, buffer: &buffer)
            case .prescription: PrescriptionPane.render(state, focused: focused, in: area, buffer: &buffer)
            }
        }
        StatusBar.render(state, in: layout.statusLine, buffer: &buffer)
        if state.help != nil || state.confirm != nil { buffer.cursor = nil }
    }
}

/// The bottom line: clinic, user and role, sync state, date and time — or a message.
/// Narrower terminals get shorter wording rather than cut-off words.
enum StatusBar {
    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        let width = area.width
        var left: [Span] = []
        if width >= 100 { left.append(Span(" \(state.clinicName) ", scope: .statuslineMode)) }
        if let user = state.user {
            left.append(Span(width >= 60 ? "\(user.username) (\(user.role))" : user.username, scope: .statusline))
        }
        if let message = state.message {
            left.append(Span(message.text, scope: message.isError ? .error : .statusline))
        }
        let right: [Span] = [
            Span(width < 60 ? tinySyncText(state.sync) : syncText(state.sync, now: state.now, compact: width < 100),
                 scope: syncScope(state.sync)),
            Span(clock(state.now, timeZone: state.timeZone, compact: width < 60) + " ", scope: .statusline),
        ]
        buffer.render(StatusLine(left: left, right: right), in: area)
    }

    /// `offline · 12 changes pending`, `online · synced 2 min ago`, `⚠ 2 conflicts`; compact: `offline · 12 pending`.
    static func syncText(_ status: SyncStatus, now: Date, compact: Bool = false) -> String {
        var parts = [status.isConnected ? "online" : "offline"]
        if status.pendingChanges > 0 {
            let noun = compact ? "" : " change\(status.pendingChanges == 1 ? "" : "s")"
            parts.append("\(status.pendingChanges)\(noun) pending")
        }
        if !compact, let last = status.lastSync { parts.append("synced \(ago(last, now: now))") }
        if status.openConflicts > 0 {
            parts.append("⚠ \(status.openConflicts)\(compact ? "" : " conflict\(status.openConflicts == 1 ? "" : "s")")")
        }
        if status.quarantined > 0 { parts.append("⚠ \(status.quarantined) refused") }
        return parts.joined(separator: " · ")
    }

    /// For the narrowest terminals: `offline·316`, `online`, `online·3 ⚠2`.
    static func tinySyncText(_ status: SyncStatus) -> String {
        var text = status.isConnected ? "online" : "offline"
        if status.pendingChanges > 0 { text += "·\(status.pendingChanges)" }
        if status.openConflicts + status.quarantined > 0 { text += " ⚠\(status.openConflicts + status.quarantined)" }
        return text
    }

    static func syncScope(_ status: SyncStatus) -> Scope {
        if status.openConflicts > 0 || status.quarantined > 0 { return "sync.conflict" }
        if status.isConnected { return status.pendingChanges > 0 ? "sync.pending" : "sync.online" }
        return "sync.offline"
    }

    static func ago(_ date: Date, now: Date) -> String {
        let minutes = Int(now.timeIntervalSince(date) / 60)
        switch minutes {
        case ..<1: return "just now"
        case ..<60: return "\(minutes) min ago"
        case ..<(48 * 60): return "\(minutes / 60) h ago"
        default: return "\(minutes / 1440) days ago"
        }
    }

    /// `Sat 21 Nov 14:05`, or `14:05` when compact.
    static func clock(_ now: Date, timeZone: TimeZone, compact: Bool = false) -> String {
        let day = CalendarDate.today(clock: .fixed(now), timeZone: timeZone)
        let seconds = Int(now.timeIntervalSince1970) + timeZone.secondsFromGMT(for: now)
        let time = ClockTime(minuteOfDay: ((seconds % 86_400) + 86_400) % 86_400 / 60)!
        guard !compact else { return time.description }
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.isoWeekday - 1]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.month - 1]
        return "\(weekday) \(day.day) \(month) \(time)"
    }
}
