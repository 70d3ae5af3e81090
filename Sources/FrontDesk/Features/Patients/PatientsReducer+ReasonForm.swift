import Foundation
import TerminalKit

extension PatientsFeature {
    /// A card dialog that asks only for a reason (withdrawing an allergy, allergies that could
    /// not be asked, a medicine no longer taken): Enter saves, Esc closes, and an empty reason is
    /// refused in the field, so nothing is saved without one.
    static func reasonForm(
        _ command: FormCommand, _ form: FormDialog, missing: String, modal: (FormDialog) -> PatientsModal,
        save: (String) -> PatientsEffect
    ) -> Outcome {
        var form = form
        switch command {
        case .previousField:
            return .none
        case .cancel:
            return .modal(.pop)
        case .save, .nextField:  // one field: Enter saves
            let reason = form.text(0).trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                form.show([0: missing])
                return .modal(.replace(modal(form)))
            }
            form.isSaving = true
            return Outcome(effects: [save(reason)], modals: [.replace(modal(form))])
        }
    }
}
