import ClinicCore
import Foundation
import TerminalKit

/// Medicines from elsewhere, from the card: record one the patient takes that was not
/// prescribed here (another doctor, over the counter), or record that one is no longer taken
/// (with a reason). The prescribing checks read them with the clinic's own prescriptions.
extension PatientsFeature {
    static func medicines(_ action: PatientsAction, _ state: inout PatientsState, _ context: Context) -> Outcome {
        guard let user = context.session.user else { return .none }
        switch action {
        case .addMedicine:
            guard let patient = state.card?.card?.patient else { return .none }
            let fields = [
                FormField("Medicine", placeholder: "e.g. atorvastatin (generic name if known)", isRequired: true),
                FormField("Strength", placeholder: "e.g. 20 mg"),
                FormField("Form", placeholder: "e.g. tablet"),
                FormField("How taken", placeholder: "e.g. 1 at night"),
                FormField("From", placeholder: "e.g. cardiologist, City Hospital; over the counter"),
            ]
            let form = FormDialog(title: "A medicine taken, not prescribed here — \(patient.displayName)",
                                  intro: "Prescriptions written here are listed already; record the others so the checks see them.",
                                  fields: fields)
            return .modal(.push(.medicine(patient.id, form)))
        case .stopMedicine:
            guard let card = state.card?.card else { return .none }
            guard !card.otherMedicines.isEmpty else { return .refusal("No medicine from elsewhere is recorded for this patient.") }
            let options = card.otherMedicines.map { ChoiceDialog.Option($0.drug, detail: $0.summary) }
            return .modal(.push(.stopChoice(card.patient.id, card.otherMedicines,
                                            ChoiceDialog(title: "No longer taken", message: "Which medicine does the patient no longer take?",
                                                         options: options))))
        case let .stopMoved(move):
            guard case .stopChoice(let id, let medicines, var dialog) = context.modal else { return .none }
            dialog.move(move)
            return .modal(.replace(.stopChoice(id, medicines, dialog)))
        case let .stopAnswered(answer):
            guard case let .stopChoice(_, medicines, dialog) = context.modal else { return .none }
            switch answer {
            case .cancel: return .modal(.pop)
            case .switchButton: return .none
            case .confirm, .yes:
                guard let index = dialog.selected else { return .none }
                let medicine = medicines[index]
                let reason = FormDialog(title: "\(medicine.drug) no longer taken",
                                        intro: "The entry stays in the record, marked stopped with your reason.",
                                        fields: [FormField("Reason", placeholder: "e.g. stopped by the cardiologist; entered in error",
                                                           isRequired: true)])
                return .modal(.pop, .push(.stopReason(medicine, reason)))
            }
        case let .medicineTyped(edit):
            switch context.modal {
            case .medicine(let id, var form):
                form.apply(edit)
                return .modal(.replace(.medicine(id, form)))
            case .stopReason(let medicine, var form):
                form.apply(edit)
                return .modal(.replace(.stopReason(medicine, form)))
            default:
                return .none
            }
        case let .medicineForm(command):
            return medicineForm(command, context, user)
        case let .medicineWritten(message):
            let reload: [PatientsEffect] = state.card.map { [.loadCard($0.patientID)] } ?? []
            var outcome = Outcome(effects: reload, delegates: [.storeWritten], message: StatusMessage(message))
            switch context.modal {
            case .medicine?, .stopReason?: outcome.modals = [.pop]
            default: break
            }
            return outcome
        default:
            return .none
        }
    }

    private static func medicineForm(_ command: FormCommand, _ context: Context, _ user: User) -> Outcome {
        switch context.modal {
        case .medicine(let id, var form):
            switch command {
            case .nextField, .previousField:
                form.move(command)
                return .modal(.replace(.medicine(id, form)))
            case .cancel:
                return .modal(.pop)
            case .save:
                let entry = MedicineEntry(drug: form.text(0).trimmingCharacters(in: .whitespaces),
                                          strength: form.text(1).trimmingCharacters(in: .whitespaces),
                                          form: form.text(2).trimmingCharacters(in: .whitespaces),
                                          directions: form.text(3).trimmingCharacters(in: .whitespaces),
                                          note: form.text(4).trimmingCharacters(in: .whitespaces))
                guard !entry.drug.isEmpty else {
                    form.show([0: "Name the medicine."])
                    return .modal(.replace(.medicine(id, form)))
                }
                form.isSaving = true
                return Outcome(effects: [.recordMedicine(id, entry, user)], modals: [.replace(.medicine(id, form))])
            }
        case let .stopReason(medicine, form):
            return reasonForm(command, form, missing: "Say why the medicine is no longer taken.", modal: { .stopReason(medicine, $0) },
                              save: { .stopMedicine(medicine, reason: $0, user) })
        default:
            return .none
        }
    }
}

/// A medicine from elsewhere as the card's form records it.
public struct MedicineEntry: Hashable, Sendable {
    public var drug: String
    public var strength: String
    public var form: String
    public var directions: String
    public var note: String

    public init(drug: String, strength: String = "", form: String = "", directions: String = "", note: String = "") {
        self.drug = drug
        self.strength = strength
        self.form = form
        self.directions = directions
        self.note = note
    }
}
