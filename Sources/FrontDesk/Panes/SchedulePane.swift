import ClinicCore
import TerminalKit

/// The day's appointments by time and provider.
enum SchedulePane {
    static func render(_ state: AppState, focused: Bool, in area: Rect, buffer: inout Buffer) {
        let day = state.schedule.day
        let label = day == state.today ? "today" : "\(day)"
        let count = state.schedule.entries.filter { $0.appointment.status != .cancelled }.count
        let block = Block(title: "Schedule — \(label) (\(count))", isFocused: focused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        let wide = inner.width >= 60
        var columns = [TableColumn("Time", width: .length(5)), TableColumn("Patient", width: .fill(2))]
        if wide { columns.append(TableColumn("Provider", width: .fill(1))) }
        columns.append(TableColumn("Status", width: .length(wide ? 13 : 9)))
        let rows = state.schedule.entries.map { entry in
            var cells = [TableCell(entry.appointment.start.time.description, scope: "schedule.time"), TableCell(entry.patientName)]
            if wide { cells.append(TableCell(entry.providerName)) }
            cells.append(TableCell(statusText(entry.appointment.status, short: !wide), scope: statusScope(entry.appointment.status)))
            return TableRow(cells)
        }
        var list = state.schedule.list
        let empty = state.schedule.isLoaded ? "No appointments on \(label)" : "Loading…"
        buffer.render(Table(columns: columns, rows: rows, isFocused: focused, emptyText: empty), in: inner, state: &list)
    }

    /// Status in words (meaning never by colour alone).
    static func statusText(_ status: AppointmentStatus, short: Bool) -> String {
        switch status {
        case .booked: "booked"
        case .confirmed: "confirmed"
        case .checkedIn: short ? "waiting" : "checked in"
        case .inConsultation: short ? "in room" : "in consult"
        case .completed: "done"
        case .cancelled: "cancelled"
        case .noShow: "no-show"
        case .followUpBooked: short ? "done+f/u" : "done, f/u"
        }
    }

    static func statusScope(_ status: AppointmentStatus) -> Scope {
        Scope("schedule." + (status == .followUpBooked ? AppointmentStatus.completed.rawValue : status.rawValue))
    }
}

/// Today's checked-in patients, with how long each has waited.
enum QueuePane {
    /// Waiting longer than this is shown as late.
    static let lateMinutes = 30

    static func render(_ state: AppState, focused: Bool, in area: Rect, buffer: inout Buffer) {
        let waiting = state.queue.entries.filter { $0.visit.status == .waiting }.count
        let block = Block(title: "Queue — \(waiting) waiting", isFocused: focused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        let wide = inner.width >= 50
        var columns = [TableColumn("Patient", width: .fill(2)), TableColumn("Wait", width: .length(10), alignment: .right)]
        if wide { columns.append(TableColumn("For", width: .fill(1))) }
        columns.append(TableColumn("Status", width: .length(wide ? 10 : 7)))
        let rows = state.queue.entries.map { entry in
            let visit = entry.visit
            let minutes = visit.waitingMinutes(at: state.now)
            let late = visit.status == .waiting && minutes >= lateMinutes
            let urgent = visit.priority == .urgent
            var cells = [
                TableCell((urgent ? "! " : "") + entry.patientName, scope: urgent ? "queue.priority.urgent" : nil),
                TableCell(waitText(minutes, status: visit.status, late: late), scope: late ? "queue.waiting.late" : nil),
            ]
            if wide { cells.append(TableCell(entry.providerName ?? "any")) }
            cells.append(TableCell(statusText(visit.status), scope: statusScope(visit.status, late: late)))
            return TableRow(cells)
        }
        var list = state.queue.list
        let empty = state.queue.isLoaded ? "Nobody checked in yet today" : "Loading…"
        buffer.render(Table(columns: columns, rows: rows, isFocused: focused, emptyText: empty), in: inner, state: &list)
    }

    static func waitText(_ minutes: Int, status: QueueStatus, late: Bool) -> String {
        guard status == .waiting || status == .called else { return "" }
        let time = minutes >= 60 ? "\(minutes / 60)h\(Digits.padded(minutes % 60, 2))" : "\(minutes) min"
        return late ? "LATE \(time)" : time
    }

    static func statusText(_ status: QueueStatus) -> String {
        switch status {
        case .waiting: "waiting"
        case .called: "called"
        case .inConsultation: "in room"
        case .done: "done"
        case .left: "left"
        }
    }

    static func statusScope(_ status: QueueStatus, late: Bool) -> Scope {
        switch status {
        case .waiting: late ? "queue.waiting.late" : "queue.waiting"
        case .called, .inConsultation: "queue.called"
        case .done, .left: .textDim
        }
    }
}

/// The selected patient's prescriptions (read-only here; prescribing has its own screen).
enum PrescriptionPane {
    static func render(_ state: AppState, focused: Bool, in area: Rect, buffer: inout Buffer) {
        let name = state.prescriptions.patientName
        let block = Block(title: name.map { "Prescriptions — \($0)" } ?? "Prescriptions", isFocused: focused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        let columns = [TableColumn("Signed", width: .length(10)), TableColumn("Medicines", width: .fill(1)),
                       TableColumn("Code", width: .length(9))]
        let rows = state.prescriptions.prescriptions.map { prescription in
            TableRow([
                TableCell(String(ISOInstant.format(prescription.signedAt).prefix(10))),
                TableCell(prescription.items.map { "\($0.title) — \($0.sig)" }.joined(separator: "; "), scope: "rx.item"),
                TableCell(prescription.verificationCode),
            ])
        }
        var list = state.prescriptions.list
        let empty = name == nil ? "Select a patient to see their prescriptions" : "No prescriptions for \(name!)"
        buffer.render(Table(columns: columns, rows: rows, isFocused: focused, emptyText: empty), in: inner, state: &list)
    }
}
