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
enum StatusBar {
    static func render(_ state: AppState, in area: Rect, buffer: inout Buffer) {
        var left: [Span] = [Span(" \(state.clinicName) ", scope: .statuslineMode)]
        if let user = state.user { left.append(Span("\(user.username) (\(user.role))", scope: .statusline)) }
        if let message = state.message {
            left.append(Span(message.text, scope: message.isError ? .error : .statusline))
        }
        let right: [Span] = [Span(syncText(state.sync, now: state.now), scope: syncScope(state.sync)),
                             Span(clock(state.now, timeZone: state.timeZone) + " ", scope: .statusline)]
        buffer.render(StatusLine(left: left, right: right), in: area)
    }

    /// `offline · 12 changes pending`, `online · synced 14:02`, `⚠ 2 conflicts`.
    static func syncText(_ status: SyncStatus, now: Date) -> String {
        var parts: [String] = []
        if !status.isEnrolled {
            parts.append("offline (not enrolled)")
        } else if status.isOnline == true {
            parts.append("online")
        } else {
            parts.append("offline")
        }
        parts.append(status.pendingChanges == 0 ? "all saved here" :
            "\(status.pendingChanges) change\(status.pendingChanges == 1 ? "" : "s") pending")
        if let last = status.lastSync { parts.append("synced \(ago(last, now: now))") }
        if status.openConflicts > 0 { parts.append("⚠ \(status.openConflicts) conflict\(status.openConflicts == 1 ? "" : "s")") }
        if status.quarantined > 0 { parts.append("⚠ \(status.quarantined) refused") }
        return parts.joined(separator: " · ")
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

    /// `Sat 21 Nov 14:05`.
    static func clock(_ now: Date, timeZone: TimeZone) -> String {
        let day = CalendarDate.today(clock: .fixed(now), timeZone: timeZone)
        let seconds = Int(now.timeIntervalSince1970) + timeZone.secondsFromGMT(for: now)
        let minuteOfDay = ((seconds % 86_400) + 86_400) % 86_400 / 60
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.isoWeekday - 1]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][day.month - 1]
        return "\(weekday) \(day.day) \(month) \(ClockTime(minuteOfDay: minuteOfDay)!)"
    }
}
