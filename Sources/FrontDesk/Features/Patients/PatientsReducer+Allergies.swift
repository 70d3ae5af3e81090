import ClinicCore
import Foundation
import TerminalKit

/// Allergies from the card: record one, record "no known allergies", withdraw one entered in
/// error (with a reason), or record that they could not be asked (with the reason). The four
/// states stay distinct and the card's banner follows them.
extension PatientsFeature {
    static let allergyKinds: [(String, AllergenKind)] = [("drug", .drug), ("class", .drugClass), ("food", .food),
                                                         ("environmental", .environmental), ("other", .other)]
    static let severities: [AllergySeverity] = [.mild, .moderate, .severe, .unknown]

    static func allergies(_ action: PatientsAction, _ state: inout PatientsState, _ context: Context) -> Outcome {
        guard let user = context.session.user else { return .none }
        switch action {
        case .addAllergy:
            guard let patient = state.card?.card?.patient else { return .none }
            let fields = [
                FormField("Substance or class", placeholder: "e.g. penicillin, penicillins, peanut, latex", isRequired: true),
                FormField("Kind", placeholder: "drug, class, food, environmental or other"),
                FormField("Reaction", placeholder: "e.g. rash, anaphylaxis"),
                FormField("Severity", placeholder: "mild, moderate, severe or unknown"),
            ]
            return .modal(.push(.allergy(patient.id, FormDialog(title: "Record an allergy — \(patient.displayName)", fields: fields,
                                                                values: ["", "drug", "", "unknown"]))))
        case .noKnownAllergies:
            guard let card = state.card?.card else { return .none }
            guard card.allergies.isEmpty else {
                return .refusal("\(card.allergies.count) allerg\(card.allergies.count == 1 ? "y is" : "ies are") on record: withdraw \(card.allergies.count == 1 ? "it" : "them") first if entered in error.")
            }
            return .modal(.confirm(Confirmation(
                title: "No known allergies?", message: "Record that \(card.patient.displayName) was asked and has no known allergies?",
                yes: .noKnownAllergiesConfirmed(card.patient.id), yesLabel: "Record", noLabel: "Cancel")))
        case let .noKnownAllergiesConfirmed(id):
            return .effects(.recordNoKnownAllergies(id, user))
        case .allergiesUnableToAsk:
            guard let card = state.card?.card else { return .none }
            guard card.allergies.isEmpty else {
                return .refusal("\(card.allergies.count) allerg\(card.allergies.count == 1 ? "y is" : "ies are") on record and still \(card.allergies.count == 1 ? "applies" : "apply").")
            }
            let form = FormDialog(
                title: "Allergies could not be asked — \(card.patient.displayName)",
                intro: "The card will say allergies are unknown, with your reason; prescribing warns until they are asked.",
                fields: [FormField("Reason", placeholder: "e.g. unconscious on arrival, no interpreter", isRequired: true)])
            return .modal(.push(.unableToAsk(card.patient.id, form)))
        case .retractAllergy:
            guard let card = state.card?.card else { return .none }
            guard !card.allergies.isEmpty else { return .refusal("No allergy is on record to withdraw.") }
            let options = card.allergies.map { ChoiceDialog.Option($0.substance, detail: "\($0.severity)\($0.reaction.isEmpty ? "" : ", \($0.reaction)")") }
            return .modal(.push(.retractChoice(card.patient.id, card.allergies,
                                               ChoiceDialog(title: "Withdraw an allergy", message: "Which allergy was entered in error?",
                                                            options: options))))
        case let .retractMoved(move):
            guard case .retractChoice(let id, let allergies, var dialog) = context.modal else { return .none }
            dialog.move(move)
            return .modal(.replace(.retractChoice(id, allergies, dialog)))
        case let .retractAnswered(answer):
            guard case let .retractChoice(_, allergies, dialog) = context.modal else { return .none }
            switch answer {
            case .cancel: return .modal(.pop)
            case .switchButton: return .none
            case .confirm, .yes:
                guard let index = dialog.selected else { return .none }
                let allergy = allergies[index]
                let reason = FormDialog(title: "Withdraw the allergy to \(allergy.substance)",
                                        intro: "The allergy stays in the record, marked withdrawn with your reason.",
                                        fields: [FormField("Reason", placeholder: "e.g. entered for the wrong patient", isRequired: true)])
                return .modal(.pop, .push(.retractReason(allergy, reason)))
            }
        case let .allergyTyped(edit):
            switch context.modal {
            case .allergy(let id, var form):
                form.apply(edit)
                return .modal(.replace(.allergy(id, form)))
            case .retractReason(let allergy, var form):
                form.apply(edit)
                return .modal(.replace(.retractReason(allergy, form)))
            case .unableToAsk(let id, var form):
                form.apply(edit)
                return .modal(.replace(.unableToAsk(id, form)))
            default:
                return .none
            }
        case let .allergyForm(command):
            return allergyForm(command, context, user)
        case let .allergyWritten(message):
            let reload: [PatientsEffect] = state.card.map { [.loadCard($0.patientID)] } ?? []
            var outcome = Outcome(effects: reload, delegates: [.storeWritten], message: StatusMessage(message))
            if case .allergy? = context.modal { outcome.modals = [.pop] }
            if case .retractReason? = context.modal { outcome.modals = [.pop] }
            if case .unableToAsk? = context.modal { outcome.modals = [.pop] }
            return outcome
        default:
            return .none
        }
    }

    private static func allergyForm(_ command: FormCommand, _ context: Context, _ user: User) -> Outcome {
        switch context.modal {
        case .allergy(let id, var form):
            switch command {
            case .nextField, .previousField:
                form.move(command)
                return .modal(.replace(.allergy(id, form)))
            case .cancel:
                return .modal(.pop)
            case .save:
                switch readAllergy(form) {
                case let .failure(problems):
                    form.show(problems.byField)
                    return .modal(.replace(.allergy(id, form)))
                case let .success(entry):
                    form.isSaving = true
                    return Outcome(effects: [.recordAllergy(id, entry, user)], modals: [.replace(.allergy(id, form))])
                }
            }
        case let .retractReason(allergy, form):
            return reasonForm(command, form, missing: "Say why the allergy is withdrawn.", modal: { .retractReason(allergy, $0) },
                              save: { .retractAllergy(allergy, reason: $0, user) })
        case let .unableToAsk(id, form):
            return reasonForm(command, form, missing: "Say why the allergies could not be asked.", modal: { .unableToAsk(id, $0) },
                              save: { .recordUnableToAsk(id, reason: $0, user) })
        default:
            return .none
        }
    }

    /// The allergy form read, or its problems by field.
    static func readAllergy(_ form: FormDialog) -> Result<AllergyEntry, FieldProblems> {
        var errors: [Int: String] = [:]
        let substance = form.text(0).trimmingCharacters(in: .whitespaces)
        if substance.isEmpty { errors[0] = "Name the substance or drug class." }
        let kindText = form.text(1).trimmingCharacters(in: .whitespaces).lowercased()
        let kind = allergyKinds.first { $0.0.hasPrefix(kindText) && !kindText.isEmpty }?.1
        if kind == nil { errors[1] = "Kind “\(kindText)”: type drug, class, food, environmental or other." }
        let severityText = form.text(3).trimmingCharacters(in: .whitespaces).lowercased()
        let severity = severities.first { $0.rawValue.hasPrefix(severityText) && !severityText.isEmpty }
        if severity == nil { errors[3] = "Severity “\(severityText)”: type mild, moderate, severe or unknown." }
        guard errors.isEmpty, let kind, let severity else { return .failure(FieldProblems(errors)) }
        return .success(AllergyEntry(substance: substance, kind: kind, reaction: form.text(2).trimmingCharacters(in: .whitespaces),
                                     severity: severity))
    }
}
