import ClinicCore
import TerminalKit

extension StaffFeature {
    public static let contexts: Set<String> = [context]

    public static let commands: [CommandSpec<StaffState, StaffAction>] = [
        CommandSpec("staff.open", "Staff: users, roles, passwords and who is signed in where (admin)", contexts: [KeymapContext.global],
                    action: .open, disabledReason: { _, session in refusal(session) }),
        CommandSpec("staff.add", "Add a user (they get a one-time temporary password)", contexts: [context], action: .add,
                    disabledReason: { _, session in refusal(session) }),
        CommandSpec("staff.role", "Change the selected user's role", contexts: [context], action: .chooseRole,
                    disabledReason: { state, session in refusal(session) ?? needMember(state) }),
        CommandSpec("staff.disable", "Disable the selected user (or enable a disabled one); nothing of theirs is deleted",
                    contexts: [context], action: .askToDisable,
                    disabledReason: { state, session in refusal(session) ?? needMember(state) ?? notSelf(state, session, "disable") }),
        CommandSpec("staff.reset-password", "Give the selected user a one-time temporary password", contexts: [context],
                    action: .askToResetPassword, disabledReason: { state, session in refusal(session) ?? needMember(state) }),
        CommandSpec("staff.sign-out", "Sign the selected user out of every terminal", contexts: [context],
                    action: .askToSignOutEverywhere, disabledReason: { state, session in
                        refusal(session) ?? needMember(state) ?? selected(state).flatMap {
                            $0.openSessions == 0 ? "\($0.user.username) is not signed in anywhere." : nil
                        }
                    }),
        CommandSpec("staff.unlock", "Lift the lock that wrong passwords put on the selected user", contexts: [context],
                    action: .unlock, disabledReason: { state, session in
                        refusal(session) ?? needMember(state) ?? selected(state).flatMap {
                            $0.lockedUntil == nil ? "\($0.user.username) is not locked." : nil
                        }
                    }),
        CommandSpec("staff.close", "Close the staff screen", contexts: [context], action: .close),
    ]

    static func needMember(_ state: StaffState) -> String? {
        guard state.members != nil else { return "The staff list is still loading." }
        return selected(state) == nil ? "Select a user first." : nil
    }

    static func notSelf(_ state: StaffState, _ session: Session, _ verb: String) -> String? {
        guard let member = selected(state), member.user.id == session.user?.id, member.user.isActive else { return nil }
        return "You cannot \(verb) yourself; another admin can."
    }

    /// Where keys go while the staff screen or one of its dialogs is on top.
    public static func input(modal: StaffModal, _ state: StaffState) -> InputLayer<StaffAction> {
        switch modal {
        case .roster:
            let editing = state.list.filter.isEditing
            return InputLayer(contexts: editing ? [FrontDeskContexts.filter, context] : [context],
                              text: editing ? StaffAction.filterTyped : nil,
                              routed: { ListBehaviour.routed($0, move: StaffAction.move, filter: StaffAction.filter) })
        case .add:
            return FormDialog.input(typed: StaffAction.typed, form: StaffAction.form)
        case .role:
            return ChoiceDialog.input(moved: StaffAction.roleMoved, answered: StaffAction.roleAnswered)
        }
    }
}
