import ClinicCore
import Foundation
public import TerminalKit

/// The staff screen over the whole screen: each user with name, role, status (active, disabled,
/// locked until when), where they are signed in now and when they last signed in.
public enum StaffView {
    public static func render(_ state: StaffState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.render(Clear(scope: .dialog), in: area)
        let footer = context.hints.line([
            ("staff.add", "add"), ("staff.role", "role"), ("staff.disable", "disable"), ("staff.reset-password", "password"),
            ("staff.sign-out", "sign out"), ("staff.unlock", "unlock"), ("staff.close", "close"),
        ])
        let block = Block(title: title(state), footer: footer, isFocused: context.isFocused, fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: area)
        let inner = block.inner(area).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        guard state.members != nil else {
            buffer.write("Loading…", at: inner.origin, scope: .hint, clip: inner)
            return
        }
        var list = state.list
        buffer.render(table(state.rows, state.list, context.session, width: inner.width, isFocused: context.isFocused), in: inner,
                      state: &list)
    }

    /// `Staff — 6 users · 2 signed in`.
    static func title(_ state: StaffState) -> String {
        let rows = state.rows
        let count = ListBehaviour.filterSummary(state.list, count: rows.count) { StaffFeature.searchTexts(rows) } ?? "\(rows.count)"
        let signedIn = rows.filter { $0.openSessions > 0 }.count
        return "Staff — \(count) user\(rows.count == 1 ? "" : "s") · \(signedIn) signed in"
    }

    static func table(_ rows: [StaffMember], _ list: ListState, _ session: Session, width: Int, isFocused: Bool) -> Table {
        let wide = width >= 100
        var columns = [TableColumn("Username", width: .fill(1))]
        if wide { columns.append(TableColumn("Name", width: .fill(2))) }
        columns += [TableColumn("Role", width: .length(12)), TableColumn("Status", width: .fill(1))]
        columns.append(TableColumn("Signed in", width: .length(wide ? 14 : 9)))
        if wide { columns.append(TableColumn("Last sign-in", width: .length(17))) }
        let texts = ListBehaviour.rowTexts(list, count: rows.count) { StaffFeature.searchTexts(rows) }
        return Table(columns: columns, rowCount: rows.count, row: { index in
            let member = rows[index]
            var cells = [TableCell(member.user.username)]
            if wide { cells.append(TableCell(member.user.displayName)) }
            cells.append(TableCell(member.user.role.rawValue))
            cells.append(status(member, session))
            let terminals = member.openSessions == 0 ? "—"
                : wide ? "\(member.openSessions) terminal\(member.openSessions == 1 ? "" : "s")" : "\(member.openSessions)"
            cells.append(TableCell(terminals, scope: member.openSessions == 0 ? .hint : nil))
            if wide { cells.append(TableCell(member.lastSignIn.map { moment($0, session) } ?? "never", scope: member.lastSignIn == nil ? .hint : nil)) }
            return TableRow(cells, searchText: texts[index])
        }, isFocused: isFocused, emptyText: "No users")
    }

    static func status(_ member: StaffMember, _ session: Session) -> TableCell {
        if !member.user.isActive { return TableCell("disabled", scope: .hint) }
        if let until = member.lockedUntil { return TableCell("locked until \(ClockText.time(until, timeZone: session.timeZone))", scope: .error) }
        return TableCell("active")
    }

    static func moment(_ date: Date, _ session: Session) -> String {
        "\(CalendarDate.today(clock: .fixed(date), timeZone: session.timeZone)) \(ClockText.time(date, timeZone: session.timeZone))"
    }
}

/// The staff screen or one of its dialogs.
public enum StaffModalView {
    public static func render(_ modal: StaffModal, _ state: StaffState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch modal {
        case .roster: StaffView.render(state, context, in: area, buffer: &buffer)
        case let .add(form): FormDialogView.render(form, context, in: area, buffer: &buffer)
        case let .role(_, dialog): ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        }
    }
}
