import ClinicCore
import TerminalKit

/// The registration and edit form.
enum RegistrationView {
    static func render(_ registration: RegistrationState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let title: String = switch registration.mode {
        case .register: "Register a new patient"
        case let .edit(_, base): "Edit \(base.displayName)"
        }
        let footer = registration.isSaving ? "Saving…"
            : context.hints.line([("form.save", "save"), ("form.next", "next field"), ("form.cancel", "cancel"),
                                  ("help.toggle", "help")])
        let block = Block(title: title, footer: footer, isFocused: context.isFocused)
        buffer.render(block, in: area)
        var form = registration.form
        buffer.render(Form(fields: RegistrationForm.fields(errors: registration.errors, dateOrder: context.session.dateOrder),
                           isFocused: context.isFocused), in: block.inner(area), state: &form)
    }
}
