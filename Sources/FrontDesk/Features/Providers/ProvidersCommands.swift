import ClinicCore
import TerminalKit

extension ProvidersFeature {
    public static let contexts: Set<String> = [context]

    public static let commands: [CommandSpec<ProvidersState, ProvidersAction>] = [
        CommandSpec("providers.open", "Providers: weekly hours, leave and clinic holidays (admin)", contexts: [KeymapContext.global],
                    action: .open, disabledReason: { _, session in refusal(session) }),
        CommandSpec("providers.add", "Add a provider", contexts: [context], action: .addProvider,
                    disabledReason: { _, session in refusal(session) }),
        CommandSpec("providers.edit", "Edit the selected provider: name, specialty, slot length, who signs in as them",
                    contexts: [context], action: .editProvider,
                    disabledReason: { state, session in refusal(session) ?? needProvider(state, session) }),
        CommandSpec("providers.hours", "Set the selected provider's weekly hours and breaks", contexts: [context], action: .setHours,
                    disabledReason: { state, session in refusal(session) ?? needProvider(state, session) }),
        CommandSpec("providers.leave", "Record leave for the selected provider: whole days, or hours of a day", contexts: [context],
                    action: .addLeave, disabledReason: { state, session in refusal(session) ?? needProvider(state, session) }),
        CommandSpec("providers.holiday", "Record a clinic holiday for every provider: whole days, or hours of a day",
                    contexts: [context], action: .addHoliday, disabledReason: { _, session in refusal(session) }),
        CommandSpec("providers.withdraw", "Withdraw the selected provider's leave or a clinic holiday, with a reason",
                    contexts: [context], action: .withdraw, disabledReason: { state, session in
                        refusal(session) ?? needProvider(state, session) ?? selected(state, session.today).flatMap { row in
                            withdrawable(row, state, session.today).isEmpty ? nothingToWithdraw(row.provider) : nil
                        }
                    }),
        CommandSpec("providers.close", "Close the providers screen", contexts: [context], action: .close),
    ]

    /// Why the signed-in user may not manage providers, and whom to ask; nil for an admin.
    static func refusal(_ session: Session) -> String? {
        session.refusal(.manageSchedules).map { $0 + " Ask a clinic admin." }
    }

    static func needProvider(_ state: ProvidersState, _ session: Session) -> String? {
        guard state.roster != nil else { return "The providers are still loading." }
        guard state.rows.isEmpty else { return selected(state, session.today) == nil ? "Select a provider first." : nil }
        return "There are no providers yet: add one first."
    }

    /// Where keys go while the providers screen or one of its dialogs is on top.
    public static func input(modal: ProvidersModal, _ state: ProvidersState) -> InputLayer<ProvidersAction> {
        switch modal {
        case .roster:
            let editing = state.list.filter.isEditing
            return InputLayer(contexts: editing ? [FrontDeskContexts.filter, context] : [context],
                              text: editing ? ProvidersAction.filterTyped : nil,
                              routed: { ListBehaviour.routed($0, move: ProvidersAction.move, filter: ProvidersAction.filter) })
        case .provider, .hours, .exception, .withdraw:
            return FormDialog.input(typed: ProvidersAction.typed, form: ProvidersAction.form)
        case .chooseWithdrawal:
            return ChoiceDialog.input(moved: ProvidersAction.choiceMoved, answered: ProvidersAction.choiceAnswered)
        case .covered:
            return ChoiceDialog.input(moved: ProvidersAction.coveredMoved, answered: ProvidersAction.coveredAnswered)
        }
    }
}
