import ClinicCore
import Foundation
import TerminalKit

/// Writing, signing, correcting, cancelling and printing prescriptions: the dialogs over the pane.
/// A medicine form per line (the formulary searched and the directions read as they are typed),
/// the medicines so far, then the checks: alerts shown by severity, a reason for each that needs
/// one. Nothing is saved until it is signed; every write is one store write.
enum PrescriptionsWriting {
    typealias Outcome = PrescriptionsFeature.Outcome

    static func reduce(_ state: inout PrescriptionsState, _ action: PrescriptionsAction, _ context: PrescriptionsFeature.Context) -> Outcome {
        let session = context.session
        switch action {
        case .write:
            if let refusal = session.refusal(.prescribe) { return .refusal(refusal) }
            guard let patient = state.patient else { return .refusal("Select a patient first: the prescription is for the patient shown.") }
            return open(&state, PrescriptionDraft(patient: patient))
        case .correct:
            if let refusal = session.refusal(.prescribe) ?? PrescriptionsFeature.standing(state) { return .refusal(refusal) }
            guard let selected = state.selected else { return .none }
            return .modal(.push(.reason(selected, .correct, reasonDialog(selected, .correct))))
        case .cancel:
            if let refusal = session.refusal(.prescribe) ?? PrescriptionsFeature.standing(state) { return .refusal(refusal) }
            guard let selected = state.selected else { return .none }
            return .modal(.push(.reason(selected, .cancel, reasonDialog(selected, .cancel))))
        case .print:
            if let refusal = PrescriptionsFeature.printable(state) { return .refusal(refusal) }
            guard let selected = state.selected else { return .none }
            return Outcome(effects: [.print(selected)], message: StatusMessage("Printing \(selected.verificationCode)…"))
        case let .referenceLoaded(reference):
            state.reference = reference
            guard let draft = state.pendingDraft else { return .none }
            state.pendingDraft = nil
            return .modal(.push(.item(draft, PrescriptionForms.dialog(draft, reference: reference.reference))))
        case let .typed(edit):
            return typed(edit, state, context)
        case let .form(command):
            return form(command, &state, context)
        case let .choiceMoved(move):
            guard case .draft(let draft, var dialog)? = context.modal else { return .none }
            dialog.move(move)
            return .modal(.replace(.draft(draft, dialog)))
        case let .answered(answer):
            return answered(answer, &state, context)
        case let .reviewed(draft, review):
            guard case .draft? = context.modal else { return .none }
            // Only the allergy state can refuse here: the alerts dialog collects the reasons.
            if let refusal = SigningRules.refusal(alerts: [], overrides: [], allergyStatus: review.allergyStatus) {
                return .refusal(refusal + " (on \(draft.patient.name)'s card)")
            }
            guard !review.alerts.isEmpty else {
                guard let user = session.user else { return .none }
                return Outcome(effects: [.sign(draft, [], user)], message: StatusMessage("No alerts. Signing…"))
            }
            let count = review.alerts.count == 1 ? "1 alert" : "\(review.alerts.count) alerts"
            return Outcome(message: StatusMessage("\(count): read, then give a reason where one is required to sign over."),
                           modals: [.push(.alerts(draft, review, PrescriptionForms.alertsDialog(draft, review)))])
        case let .wrote(message, select):
            state.selectOnLoad = select
            var outcome = Outcome(delegates: [.storeWritten], message: StatusMessage(message),
                                  modals: Array(repeating: .pop, count: depth(context.modal)))
            if let patient = state.patient { outcome.effects.append(.load(patient.id)) }
            return outcome
        case let .printed(message):
            return Outcome(message: StatusMessage(message))
        case let .refused(failure):
            return .refusal(failure.description)
        default:
            return .none
        }
    }

    /// The first medicine form, once the reference is read.
    private static func open(_ state: inout PrescriptionsState, _ draft: PrescriptionDraft) -> Outcome {
        guard let reference = state.reference else {
            state.pendingDraft = draft
            return Outcome(effects: [.loadReference], message: StatusMessage("Opening the formulary…"))
        }
        return .modal(.push(.item(draft, PrescriptionForms.dialog(draft, reference: reference.reference))))
    }

    /// How many prescribing dialogs close when a write finishes: all of them (the draft under the alerts).
    private static func depth(_ top: PrescriptionsModal?) -> Int {
        switch top {
        case .alerts: 2
        case .draft, .reason, .item: 1
        case nil: 0
        }
    }

    private static func typed(_ edit: TextEdit, _ state: PrescriptionsState, _ context: PrescriptionsFeature.Context) -> Outcome {
        switch context.modal {
        case .item(let draft, var dialog):
            dialog.apply(edit)
            if let reference = state.reference { dialog.intro = PrescriptionForms.hint(dialog, reference: reference.reference) }
            return .modal(.replace(.item(draft, dialog)))
        case .alerts(let draft, let review, var dialog):
            dialog.apply(edit)
            return .modal(.replace(.alerts(draft, review, dialog)))
        case .reason(let prescription, let purpose, var dialog):
            dialog.apply(edit)
            return .modal(.replace(.reason(prescription, purpose, dialog)))
        case .draft, nil:
            return .none
        }
    }

    private static func form(_ command: FormCommand, _ state: inout PrescriptionsState, _ context: PrescriptionsFeature.Context) -> Outcome {
        guard let modal = context.modal else { return .none }
        switch command {
        case .nextField, .previousField:
            switch modal {
            case .item(let draft, var dialog):
                dialog.move(command)
                return .modal(.replace(.item(draft, dialog)))
            case .alerts(let draft, let review, var dialog):
                dialog.move(command)
                return .modal(.replace(.alerts(draft, review, dialog)))
            case .reason(let prescription, let purpose, var dialog):
                dialog.move(command)
                return .modal(.replace(.reason(prescription, purpose, dialog)))
            case .draft:
                return .none
            }
        case .cancel:
            // The first medicine's form closes the prescription; a later one goes back to the list so far.
            if case let .item(draft, _) = modal, !draft.lines.isEmpty {
                return .modal(.replace(.draft(draft, draftDialog(draft))))
            }
            return .modal(.pop)
        case .save:
            return save(modal, &state, context)
        }
    }

    private static func save(_ modal: PrescriptionsModal, _ state: inout PrescriptionsState, _ context: PrescriptionsFeature.Context) -> Outcome {
        let session = context.session
        guard let user = session.user else { return .none }
        switch modal {
        case .item(var draft, var dialog):
            guard let reference = state.reference else { return .none }
            switch PrescriptionForms.read(dialog, reference: reference.reference, today: session.today) {
            case let .problems(problems):
                dialog.show(problems)
                return .modal(.replace(.item(draft, dialog)))
            case let .line(line):
                draft.lines.append(line)
                return .modal(.replace(.draft(draft, draftDialog(draft))))
            }
        case .alerts(let draft, let review, var dialog):
            let overrides = review.alerts.enumerated().map { index, alert in
                AlertOverride(alert: alert, reason: dialog.text(index).trimmingCharacters(in: .whitespaces))
            }
            let missing = review.alerts.indices.filter { review.alerts[$0].severity.needsOverrideReason && overrides[$0].reason.isEmpty }
            guard missing.isEmpty else {
                dialog.show(Dictionary(uniqueKeysWithValues: missing.map { ($0, "Say why this is signed anyway; the prescription and the audit trail keep it.") }))
                return .modal(.replace(.alerts(draft, review, dialog)))
            }
            dialog.isSaving = true
            return Outcome(effects: [.sign(draft, overrides, user)], modals: [.replace(.alerts(draft, review, dialog))])
        case .reason(let prescription, let purpose, var dialog):
            let reason = dialog.text(0).trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                dialog.show([0: purpose == .cancel ? "Say why it is cancelled." : "Say why it is corrected."])
                return .modal(.replace(.reason(prescription, purpose, dialog)))
            }
            switch purpose {
            case .cancel:
                dialog.isSaving = true
                return Outcome(effects: [.cancel(prescription, reason: reason, user)], modals: [.replace(.reason(prescription, purpose, dialog))])
            case .correct:
                guard let patient = state.patient else { return .none }
                let draft = PrescriptionDraft(patient: patient, lines: prescription.items.map(\.line),
                                              correcting: PrescriptionCorrection(prescription: prescription.id, reason: reason))
                return .modal(.replace(.draft(draft, draftDialog(draft))))
            }
        case .draft:
            return .none
        }
    }

    private static func answered(_ answer: DialogCommand, _ state: inout PrescriptionsState, _ context: PrescriptionsFeature.Context) -> Outcome {
        guard case let .draft(draft, dialog)? = context.modal else { return .none }
        guard answer == .confirm || answer == .yes else { return answer == .switchButton ? .none : .modal(.pop) }
        guard let reference = state.reference else { return .none }
        switch dialog.selected {
        case 0:
            guard !draft.lines.isEmpty else { return .refusal("Add a medicine first.") }
            return Outcome(effects: [.review(draft)], message: StatusMessage("Checking allergies, interactions and duplicates…"))
        case 1:
            return .modal(.replace(.item(draft, PrescriptionForms.dialog(draft, reference: reference.reference))))
        case 2:
            guard var last = draft.lines.last else { return .none }
            var shorter = draft
            shorter.lines.removeLast()
            last.validUntil = nil
            return .modal(.replace(.item(shorter, PrescriptionForms.dialog(shorter, line: last, reference: reference.reference))))
        default:
            return .modal(.pop)
        }
    }

    /// The medicines so far, and what next.
    static func draftDialog(_ draft: PrescriptionDraft) -> ChoiceDialog {
        let title = draft.correcting == nil ? "Prescription for \(draft.patient.name)" : "Correction for \(draft.patient.name)"
        return ChoiceDialog(
            title: title, message: draft.lines.isEmpty ? "No medicine yet." : draft.summary,
            options: [ChoiceDialog.Option("Check and sign", detail: "allergies, interactions, duplicates, doses"),
                      ChoiceDialog.Option("Add another medicine"),
                      ChoiceDialog.Option("Change the last medicine"),
                      ChoiceDialog.Option("Discard this prescription", detail: "nothing is saved")])
    }

    static func reasonDialog(_ prescription: Prescription, _ purpose: ReasonPurpose) -> FormDialog {
        switch purpose {
        case .cancel:
            FormDialog(title: "Cancel \(prescription.verificationCode)",
                       intro: "A cancellation is kept beside it; a pharmacist checking the code is told not to dispense.",
                       fields: [FormField("Reason", placeholder: "wrong patient, allergy found, no longer needed", isRequired: true)])
        case .correct:
            FormDialog(title: "Correct \(prescription.verificationCode)",
                       intro: "The correction replaces it once signed; both are kept.",
                       fields: [FormField("Reason", placeholder: "dose changed, wrong strength", isRequired: true)])
        }
    }
}
