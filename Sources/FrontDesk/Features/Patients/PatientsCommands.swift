import ClinicCore
import TerminalKit

extension PatientsFeature {
    /// The search box's keymap context.
    public static let lookupContext = "pane.lookup"
    /// The patient card's.
    public static let cardContext = "card"
    /// The duplicate-check dialog's.
    public static let duplicatesContext = "duplicates"
    /// The edit-conflict dialog's.
    public static let conflictContext = "conflict"

    public static let contexts: Set<String> = [lookupContext, cardContext, duplicatesContext, conflictContext]

    public static let commands: [CommandSpec<PatientsState, PatientsAction>] = [
        CommandSpec("lookup.open", "Open the selected patient's card", contexts: [lookupContext], action: .openSelected,
                    disabledReason: { state, _ in state.selected == nil ? noSelection : nil }),
        CommandSpec("lookup.register", "Register a new patient", contexts: [lookupContext, cardContext],
                    action: .startRegistration, disabledReason: { _, session in session.refusal(.registerPatient) }),
        CommandSpec("lookup.recall-last", "Open the last patient you worked on", contexts: [lookupContext],
                    action: .recallLast),
        CommandSpec("lookup.clear", "Clear the search", contexts: [lookupContext], action: .clearQuery),
        CommandSpec("lookup.check-in", "Check the selected patient in as a walk-in", contexts: [lookupContext],
                    action: .checkInSelected,
                    disabledReason: { state, session in session.refusal(.checkIn) ?? (state.selected == nil ? noSelection : nil) }),
        CommandSpec("lookup.edit", "Edit the selected patient", contexts: [lookupContext], action: .editSelected,
                    disabledReason: { state, session in session.refusal(.editPatient) ?? (state.selected == nil ? noSelection : nil) }),
        CommandSpec("lookup.book", "Book an appointment for the selected patient", contexts: [lookupContext],
                    action: .bookSelected,
                    disabledReason: { state, session in session.refusal(.bookAppointment) ?? (state.selected == nil ? noSelection : nil) }),
        CommandSpec("lookup.stop-choosing", "Stop choosing a patient for a booking", contexts: [lookupContext], action: .stopChoosing,
                    disabledReason: { state, _ in state.choosing == nil ? "No booking is waiting for a patient." : nil }),
        CommandSpec("card.close", "Close the card", contexts: [cardContext], action: .closeCard),
        CommandSpec("card.book", "Book an appointment for this patient: provider, then the next free slots", contexts: [cardContext],
                    action: .bookCard, disabledReason: { state, session in session.refusal(.bookAppointment) ?? loading(state) }),
        CommandSpec("card.follow-up", "Book a follow-up for this patient in some days or weeks", contexts: [cardContext],
                    action: .followUpCard, disabledReason: { state, session in session.refusal(.bookAppointment) ?? loading(state) }),
        CommandSpec("card.waitlist", "Put this patient on the waitlist", contexts: [cardContext],
                    action: .waitlistCard, disabledReason: { state, session in session.refusal(.bookAppointment) ?? loading(state) }),
        CommandSpec("card.bill", "Open an invoice for this patient at the desk (a sale without a visit)", contexts: [cardContext],
                    action: .billCard, disabledReason: { state, session in session.refusal(.addCharges) ?? loading(state) }),
        CommandSpec("card.prescribe", "Write a prescription for this patient (doctors)", contexts: [cardContext],
                    action: .prescribeCard, disabledReason: { state, session in session.refusal(.prescribe) ?? loading(state) }),
        CommandSpec("card.edit", "Edit this patient", contexts: [cardContext], action: .editCard,
                    disabledReason: { state, session in session.refusal(.editPatient) ?? loading(state) }),
        CommandSpec("card.check-in", "Check this patient in as a walk-in", contexts: [cardContext], action: .checkInCard,
                    disabledReason: { state, session in session.refusal(.checkIn) ?? loading(state) }),
        CommandSpec("card.allergy-add", "Record an allergy of this patient", contexts: [cardContext], action: .addAllergy,
                    disabledReason: { state, session in session.refusal(.recordAllergy) ?? loading(state) }),
        CommandSpec("card.allergy-none", "Record that this patient has no known allergies (asked)", contexts: [cardContext],
                    action: .noKnownAllergies, disabledReason: { state, session in session.refusal(.recordAllergy) ?? loading(state) }),
        CommandSpec("card.allergy-unable", "Record that allergies could not be asked, and why (e.g. unconscious)",
                    contexts: [cardContext], action: .allergiesUnableToAsk,
                    disabledReason: { state, session in session.refusal(.recordAllergy) ?? loading(state) }),
        CommandSpec("card.medicine-add", "Record a medicine this patient takes that was not prescribed here",
                    contexts: [cardContext], action: .addMedicine,
                    disabledReason: { state, session in session.refusal(.recordMedicines) ?? loading(state) }),
        CommandSpec("card.medicine-stop", "Record that a medicine from elsewhere is no longer taken (with a reason)",
                    contexts: [cardContext], action: .stopMedicine,
                    disabledReason: { state, session in session.refusal(.recordMedicines) ?? loading(state) }),
        CommandSpec("card.allergy-retract", "Withdraw an allergy entered in error (with a reason)", contexts: [cardContext],
                    action: .retractAllergy, disabledReason: { state, session in session.refusal(.recordAllergy) ?? loading(state) }),
        CommandSpec("duplicates.use", "Use the highlighted existing patient (or register, once a reason is typed)",
                    contexts: [duplicatesContext], action: .duplicates(.use)),
        CommandSpec("duplicates.register-anyway", "Register a new patient anyway (asks for a reason)",
                    contexts: [duplicatesContext], action: .duplicates(.registerAnyway)),
        CommandSpec("duplicates.back", "Back to the form", contexts: [duplicatesContext], action: .duplicates(.back)),
        CommandSpec("conflict.keep-mine", "Keep your value for the highlighted field", contexts: [conflictContext],
                    action: .conflict(.keepMine)),
        CommandSpec("conflict.take-theirs", "Take the other person's value for the highlighted field",
                    contexts: [conflictContext], action: .conflict(.takeTheirs)),
        CommandSpec("conflict.save", "Save with the values chosen", contexts: [conflictContext], action: .conflict(.save)),
        CommandSpec("conflict.back", "Back to the form without saving", contexts: [conflictContext],
                    action: .conflict(.back)),
    ]

    private static let noSelection = "No patient selected: type a name, phone, date of birth or #MRN, then pick one."

    private static func loading(_ state: PatientsState) -> String? {
        state.card?.card == nil ? "The card is still loading." : nil
    }

    /// Where keys go while patient lookup has the focus: the form, the card, or the search box.
    public static func input(_ state: PatientsState) -> InputLayer<PatientsAction> {
        if state.form != nil {
            return InputLayer(contexts: [KeymapContext.form, KeymapContext.global], text: PatientsAction.formTyped,
                              routed: formRouted)
        }
        if state.card != nil {
            return InputLayer(contexts: [cardContext, KeymapContext.global], routed: cardRouted)
        }
        return InputLayer(contexts: [lookupContext, KeymapContext.global], text: PatientsAction.queryEdited,
                          routed: lookupRouted)
    }

    /// Where keys go while one of the feature's dialogs is on top.
    public static func input(modal: PatientsModal) -> InputLayer<PatientsAction> {
        switch modal {
        case let .duplicates(dialog):
            let typing: (@Sendable (TextEdit) -> PatientsAction)? = dialog.reason == nil ? nil : PatientsAction.reasonTyped
            return InputLayer(contexts: [duplicatesContext], text: typing, routed: duplicatesRouted)
        case .editConflict:
            return InputLayer(contexts: [conflictContext], routed: conflictRouted)
        case .allergy, .retractReason, .unableToAsk:
            return FormDialog.input(typed: PatientsAction.allergyTyped, form: PatientsAction.allergyForm)
        case .retractChoice:
            return ChoiceDialog.input(moved: PatientsAction.retractMoved, answered: PatientsAction.retractAnswered)
        case .medicine, .stopReason:
            return FormDialog.input(typed: PatientsAction.medicineTyped, form: PatientsAction.medicineForm)
        case .stopChoice:
            return ChoiceDialog.input(moved: PatientsAction.stopMoved, answered: PatientsAction.stopAnswered)
        }
    }

    @Sendable private static func formRouted(_ command: RoutedCommand) -> PatientsAction? {
        if case let .form(form) = command { return .form(form) }
        return nil
    }

    @Sendable private static func cardRouted(_ command: RoutedCommand) -> PatientsAction? {
        if case let .list(move) = command { return .move(move) }
        return nil
    }

    @Sendable private static func lookupRouted(_ command: RoutedCommand) -> PatientsAction? {
        switch command {
        case let .list(move): return .move(move)
        case .filter(.begin): return .filterRefused
        case .filter, .form, .dialog: return nil
        }
    }

    @Sendable private static func duplicatesRouted(_ command: RoutedCommand) -> PatientsAction? {
        if case let .list(move) = command { return .duplicatesMoved(move) }
        return nil
    }

    @Sendable private static func conflictRouted(_ command: RoutedCommand) -> PatientsAction? {
        if case let .list(move) = command { return .conflictMoved(move) }
        return nil
    }
}
