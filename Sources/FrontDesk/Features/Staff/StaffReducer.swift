public import ClinicCore
import Foundation
import TerminalKit

/// Staff administration for the clinic's admin: every user with role, status, last sign-in and
/// where they are signed in now; add a user (with a one-time temporary password), change a role,
/// disable or enable (never delete: their records and audit history stay theirs), set a
/// temporary password, sign someone out everywhere, lift a lock wrong passwords put on them.
public enum StaffFeature {
    /// What a commit elsewhere must change for this feature to reread.
    static let reads: Set<ClinicDataKind> = [.users, .sessions]

    public typealias Outcome = FrontDesk.Outcome<StaffAction, StaffEffect, StaffDelegate, StaffModal>
    public typealias Context = FeatureContext<StaffModal>

    /// The staff list's keymap context.
    public static let context = "staff"

    public static func reduce(_ state: inout StaffState, _ action: StaffAction, _ context: Context) -> Outcome {
        let session = context.session
        switch action {
        case .open:
            guard !state.isOpen else { return .none }
            if let refusal = refusal(session) { return .refusal(refusal) }
            state = StaffState()
            state.isOpen = true
            return Outcome(effects: [.load], modals: [.push(.roster)])
        case .close:
            state = StaffState()
            return .modal(.pop)
        case .refresh:
            return state.isOpen ? .effects(.load) : .none
        case let .loaded(members):
            guard state.isOpen else { return .none }
            let selectedID = selected(state)?.id
            state.members = members
            ListBehaviour.reload(&state.list, selected: selectedID, ids: members.map(\.id)) { searchTexts(members) }
            return .none
        case let .move(move):
            let rows = state.rows
            ListBehaviour.move(&state.list, move, count: rows.count) { searchTexts(rows) }
            return .none
        case let .filter(command):
            let rows = state.rows
            ListBehaviour.filter(&state.list, command, count: rows.count) { searchTexts(rows) }
            return .none
        case let .filterTyped(edit):
            let rows = state.rows
            ListBehaviour.editFilter(&state.list, edit, count: rows.count) { searchTexts(rows) }
            return .none
        case .add:
            return .modal(.push(.add(FormDialog(
                title: "Add a user", intro: "They get a one-time temporary password, shown once, and choose their own at first sign-in.",
                fields: [FormField("Username", placeholder: "e.g. rosa", isRequired: true),
                         FormField("Name", placeholder: "as shown on screen, e.g. Rosa Díaz"),
                         FormField("Role", placeholder: "admin, receptionist, doctor or nurse", isRequired: true)]))))
        case .chooseRole:
            guard let member = selected(state) else { return .none }
            let options = Role.allCases.map { ChoiceDialog.Option($0.rawValue, detail: roleWords($0)) }
            return .modal(.push(.role(member.user, ChoiceDialog(
                title: "Role of \(member.user.username)", message: "What may \(member.user.displayName) do?", options: options,
                selected: Role.allCases.firstIndex(of: member.user.role) ?? 0))))
        case .askToDisable:
            guard let member = selected(state), let admin = session.user else { return .none }
            guard member.user.isActive else { return .effects(.setActive(member.user, true, admin)) }
            return .modal(.confirm(Confirmation(
                title: "Disable \(member.user.username)?",
                message: "\(member.user.displayName) will not be able to sign in, and any terminal they are on shows the sign-in screen. "
                    + "Their records and audit history stay theirs; enable them again at any time.",
                yes: .setActive(member.user, false), yesLabel: "Disable")))
        case let .setActive(user, active):
            guard let admin = session.user else { return .none }
            return .effects(.setActive(user, active, admin))
        case .askToResetPassword:
            guard let member = selected(state) else { return .none }
            return .modal(.confirm(Confirmation(
                title: "Temporary password for \(member.user.username)?",
                message: "Their password stops working; the temporary one, shown once here, signs in once and then they choose their own.",
                yes: .resetPassword(member.user), yesLabel: "Set it")))
        case let .resetPassword(user):
            guard let admin = session.user else { return .none }
            return .effects(.resetPassword(user, admin))
        case .askToSignOutEverywhere:
            guard let member = selected(state) else { return .none }
            return .modal(.confirm(Confirmation(
                title: "Sign \(member.user.username) out everywhere?",
                message: "Every terminal \(member.user.displayName) is signed in on (\(member.openSessions)) shows the sign-in screen "
                    + "within a second; unsaved work there is lost.",
                yes: .signOutEverywhere(member.user), yesLabel: "Sign out")))
        case let .signOutEverywhere(user):
            guard let admin = session.user else { return .none }
            return .effects(.signOutEverywhere(user, admin))
        case .unlock:
            guard let member = selected(state), let admin = session.user else { return .none }
            return .effects(.unlock(member.user, admin))
        case .typed, .form, .roleMoved, .roleAnswered:
            return StaffDialogs.reduce(action, context)
        case let .saved(message):
            let closing: Bool = switch context.modal {
            case let .add(form)?: form.isSaving
            case .role?: true
            default: false
            }
            return Outcome(delegates: [.storeWritten], message: StatusMessage(message), modals: closing ? [.pop] : [])
        case let .failed(failure):
            return StaffDialogs.failed(failure, context)
        case .delegate:
            return .none
        }
    }

    /// The selected member, when the filter keeps them.
    public static func selected(_ state: StaffState) -> StaffMember? {
        let rows = state.rows
        return ListBehaviour.selectedIndex(state.list, count: rows.count) { searchTexts(rows) }.map { rows[$0] }
    }

    static func searchTexts(_ rows: [StaffMember]) -> [String] {
        rows.map { "\($0.user.username) \($0.user.displayName) \($0.user.role)" }
    }

    static func roleWords(_ role: Role) -> String {
        switch role {
        case .admin: "users, providers and schedules; no clinical records"
        case .receptionist: "registration, booking, check-in"
        case .doctor: "consultations, notes, prescribing"
        case .nurse: "triage, allergies, calling patients"
        }
    }

    /// Why the signed-in user may not manage staff; nil for an admin.
    static func refusal(_ session: Session) -> String? {
        session.refusal(.manageUsers).map { $0 + " Ask a clinic admin." }
    }
}
