import TerminalKit

/// The sign-in screen: clinic name, username and password, and why a sign-in failed.
enum LoginScreen {
    static func render(_ state: AppState, into buffer: inout Buffer) {
        let screen = Rect(x: 0, y: 0, width: state.size.width, height: state.size.height)
        let width = min(screen.width, 56)
        let height = min(screen.height, 11)
        let box = Rect(x: (screen.width - width) / 2, y: max(0, (screen.height - height) / 2), width: width, height: height)
        let block = Block(title: "ClinicDesk — sign in", isFocused: true)
        buffer.render(block, in: box)
        let inner = block.inner(box)
        guard inner.height > 0 else { return }
        buffer.write(TextWidth.truncate(state.clinicName, toWidth: inner.width), at: inner.origin, scope: .title, clip: inner)
        let fieldsArea = inner.droppingTop(min(2, inner.height))
        var form = state.login.form
        let fields = [
            FormField("Username", isRequired: true),
            FormField("Password", isRequired: true, isSecure: true),
        ]
        buffer.render(Form(fields: fields, isFocused: state.confirm == nil), in: fieldsArea.top(4), state: &form)
        let footerRow = inner.row(inner.height - 1)
        if state.login.isChecking {
            buffer.write(TextWidth.truncate("Checking…", toWidth: footerRow.width), at: footerRow.origin, scope: .hint, clip: footerRow)
        } else if let error = state.login.error {
            buffer.write(TextWidth.truncate("✗ " + error, toWidth: footerRow.width), at: footerRow.origin, scope: .error, clip: footerRow)
        } else {
            let hint = "Enter to sign in · Tab next field · F12 help"
            buffer.write(TextWidth.truncate(hint, toWidth: footerRow.width), at: footerRow.origin, scope: .hint, clip: footerRow)
        }
        if let message = state.message, screen.height > box.maxY {
            let row = screen.row(screen.height - 1)
            buffer.write(TextWidth.truncate(message.text, toWidth: row.width), at: row.origin, scope: message.isError ? .error : .hint, clip: row)
        }
    }
}
