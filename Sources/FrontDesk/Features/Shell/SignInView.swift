import ClinicCore
public import TerminalKit

/// The sign-in screen: clinic name, username and password, and why a sign-in failed.
public enum SignInView {
    public static func render(_ state: ShellState, _ context: ViewContext, in screen: Rect, buffer: inout Buffer) {
        let width = min(screen.width, 56)
        let choosing = state.signIn.choosingFor
        let notice = state.signIn.notice ?? choosing.map {
            (state.signIn.changingPassword ? "\($0.username), choose your new password: "
                : "\($0.username), your password was set by an admin for one sign-in: choose your own: ")
                + "at least 10 characters, not your username and not a common one."
        }
        let height = min(screen.height, notice == nil ? 11 : 14)
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + max(0, (screen.height - height) / 2),
                       width: width, height: height)
        let title = choosing != nil ? "ClinicDesk — choose your password" : notice == nil ? "ClinicDesk — sign in" : "ClinicDesk — locked"
        let block = Block(title: title, isFocused: true)
        buffer.render(block, in: box)
        let inner = block.inner(box)
        guard inner.height > 0 else { return }
        buffer.write(TextWidth.truncate(state.clinicName, toWidth: inner.width), at: inner.origin, scope: .title, clip: inner)
        let fieldsArea = inner.droppingTop(min(2, inner.height))
        var form = state.signIn.form
        let fields = choosing == nil
            ? [FormField("Username", isRequired: true), FormField("Password", isRequired: true, isSecure: true)]
            : [FormField("New password", isRequired: true, isSecure: true), FormField("Repeat it", isRequired: true, isSecure: true)]
        buffer.render(Form(fields: fields, isFocused: context.isFocused), in: fieldsArea.top(4), state: &form)
        let footerRow = inner.row(inner.height - 1)
        let (text, scope): (String, Scope) =
            if state.signIn.isChecking { ("Checking…", .hint) }
            else if let error = state.signIn.error { ("✗ " + error, .error) }
            else {
                ((notice.map { $0 + " " } ?? "")
                    + context.hints.line([("form.save", "to sign in"), ("form.next", "next field"), ("help.toggle", "help")]), .hint)
            }
        // A refusal may say until when a username is locked: wrapped onto the free rows above the footer, not cut off.
        let free = max(1, min(notice == nil ? 3 : 6, inner.height - 6))
        var lines = TextWidth.wrap(text, width: footerRow.width)
        if lines.count > free {
            lines = Array(lines.prefix(free))
            lines[free - 1] = TextWidth.truncate(lines[free - 1] + " …", toWidth: footerRow.width)
        }
        for (index, line) in lines.enumerated() {
            let row = inner.row(inner.height - lines.count + index)
            buffer.write(line, at: row.origin, scope: scope, clip: row)
        }
    }
}
