import ClinicCore
import Foundation
import TerminalKit

/// The staff screen's dialogs: the add form (read first, so bad input is refused by field and
/// nothing is saved) and the role choice.
enum StaffDialogs {
    typealias Outcome = StaffFeature.Outcome

    static func reduce(_ action: StaffAction, _ context: StaffFeature.Context) -> Outcome {
        guard let modal = context.modal, let admin = context.session.user else { return .none }
        switch (action, modal) {
        case (let .typed(edit), .add(var form)):
            form.apply(edit)
            return .modal(.replace(.add(form)))
        case (let .form(command), .add(var form)):
            switch command {
            case .nextField, .previousField:
                form.move(command)
                return .modal(.replace(.add(form)))
            case .cancel:
                return .modal(.pop)
            case .save:
                guard !form.isSaving else { return .none }
                switch read(form) {
                case let .success(draft):
                    form.isSaving = true
                    return Outcome(effects: [.add(draft, admin)], modals: [.replace(.add(form))])
                case let .failure(problems):
                    form.show(problems.byField)
                    return Outcome(message: .error("Not saved: \(problems.count == 1 ? "one field needs" : "\(problems.count) fields need") attention."),
                                   modals: [.replace(.add(form))])
                }
            }
        case (let .roleMoved(move), .role(let user, var dialog)):
            dialog.move(move)
            return .modal(.replace(.role(user, dialog)))
        case (let .roleAnswered(answer), .role(let user, let dialog)):
            switch answer {
            case .cancel: return .modal(.pop)
            case .switchButton: return reduce(.roleMoved(ListMove(.next)), context)
            case .confirm, .yes:
                guard let index = dialog.selected else { return .none }
                let role = Role.allCases[index]
                guard role != user.role else { return .modal(.pop) }
                return .effects(.setRole(user, role, admin))
            }
        default:
            return .none
        }
    }

    /// The add form read, or its problems by field.
    static func read(_ form: FormDialog) -> Result<StaffDraft, FieldProblems> {
        var errors: [Int: String] = [:]
        let username = form.text(0).trimmingCharacters(in: .whitespaces).lowercased()
        do {
            _ = try Usernames.validated(username)
        } catch {
            errors[0] = error.problems.first?.message ?? "Type a username."
        }
        let roleText = form.text(2).trimmingCharacters(in: .whitespaces)
        let role = Role(name: roleText)
        if role == nil {
            errors[2] = roleText.isEmpty ? "Type a role: admin, receptionist, doctor or nurse."
                : "“\(roleText)” is not a role; type admin, receptionist, doctor or nurse."
        }
        guard errors.isEmpty, let role else { return .failure(FieldProblems(errors)) }
        let name = form.text(1).trimmingCharacters(in: .whitespaces)
        return .success(StaffDraft(username: username, displayName: name.isEmpty ? username : name, role: role))
    }

    /// A write the store refused: the add form stays open to try again; the message says why.
    static func failed(_ failure: DeskError, _ context: StaffFeature.Context) -> Outcome {
        if case .add(var form)? = context.modal, form.isSaving {
            form.isSaving = false
            return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.add(form))])
        }
        return .refusal("Not saved: \(failure.description)")
    }
}
