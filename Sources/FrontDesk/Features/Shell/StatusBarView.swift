public import ClinicCore
public import Foundation
public import TerminalKit

/// The bottom line: clinic, user and role, sync state, date and time. Narrower terminals
/// get shorter wording rather than cut-off words.
public enum StatusBarView {
    public static func render(_ state: ShellState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let width = area.width
        let session = context.session
        var left: [Span] = []
        if width >= 100 { left.append(Span(" \(state.clinicName) ", scope: .statuslineMode)) }
        if let user = session.user {
            left.append(Span(width >= 60 ? "\(user.username) (\(user.role))" : user.username, scope: .statusline))
        }
        for warning in state.warnings { left.append(Span("⚠ \(warning.short)", scope: "sync.conflict")) }
        let sync = width < 60 ? tinySyncText(state.sync) : syncText(state.sync, now: session.now, compact: width < 100)
        let right: [Span] = [
            Span(sync, scope: syncScope(state.sync)),
            Span(clock(session.now, timeZone: session.timeZone, compact: width < 60) + " ", scope: .statusline),
        ]
        buffer.render(StatusLine(left: left, right: right), in: area)
    }

    /// `offline · 12 changes pending`, `online · synced 2 min ago`, `⚠ 2 conflicts`; compact:
    /// `offline · 12 pending`. A database never enrolled says so, and how to set it up.
    public static func syncText(_ status: SyncStatus, now: Date, compact: Bool = false) -> String {
        guard status.isEnrolled else { return compact ? "sync not set up" : "sync not set up: clinicdesk enroll" }
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

    /// For the narrowest terminals: `offline·316`, `online`, `online·3 ⚠2`, `no sync`.
    public static func tinySyncText(_ status: SyncStatus) -> String {
        guard status.isEnrolled else { return "no sync" }
        var text = status.isConnected ? "online" : "offline"
        if status.pendingChanges > 0 { text += "·\(status.pendingChanges)" }
        if status.openConflicts + status.quarantined > 0 { text += " ⚠\(status.openConflicts + status.quarantined)" }
        return text
    }

    static func syncScope(_ status: SyncStatus) -> Scope {
        guard status.isEnrolled else { return .statusline }
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
        let day = ClockText.day(now, timeZone: timeZone)
        let time = ClockText.time(now, timeZone: timeZone)
        guard !compact else { return time.description }
        return "\(DayText.short(day)) \(time)"
    }
}
