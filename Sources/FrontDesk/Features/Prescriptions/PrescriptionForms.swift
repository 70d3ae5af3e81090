import ClinicCore
import Foundation
import TerminalKit

/// The medicine form: its fields, what it says as the prescriber types (formulary matches, the
/// directions in words), and reading it into a prescription line.
enum PrescriptionForms {
    static let medicine = 0, form = 1, strength = 2, directions = 3, quantity = 4, refills = 5, validDays = 6

    static let fields = [
        FormField("Medicine", placeholder: "a name, synonym or brand: amox, Tylenol, co-amoxiclav", isRequired: true),
        FormField("Form", placeholder: "capsule, tablet, oral suspension…"),
        FormField("Strength", placeholder: "500 mg"),
        FormField("Directions", placeholder: "shorthand: 1 cap po tid x7d", isRequired: true),
        FormField("Quantity", placeholder: "worked out from the directions"),
        FormField("Refills", placeholder: "0"),
        FormField("Valid for days", placeholder: "30"),
    ]

    /// A new medicine form for `draft` (the values of a line to change, when given).
    static func dialog(_ draft: PrescriptionDraft, line: PrescriptionLine? = nil, reference: PrescribingReference) -> FormDialog {
        let number = draft.lines.count + 1
        var dialog = FormDialog(
            title: "Medicine \(number) for \(draft.patient.name)", fields: fields,
            values: line.map { [$0.drug, $0.form, $0.strength, $0.sig, $0.quantity, "\($0.refills)", ""] })
        dialog.intro = hint(dialog, reference: reference)
        return dialog
    }

    /// What the form says above its fields as it is typed: the formulary's matches for the
    /// medicine (with its forms and strengths once it is known), and the directions in words.
    static func hint(_ dialog: FormDialog, reference: PrescribingReference) -> String {
        let name = dialog.text(medicine).trimmingCharacters(in: .whitespaces)
        var parts: [String] = []
        if name.isEmpty {
            parts.append("Type a medicine to search the formulary.")
        } else if let drug = reference.formulary.drug(named: name) {
            let forms = drug.presentations.map { "\($0.form) \($0.strengths.joined(separator: ", "))" }.joined(separator: "; ")
            parts.append("\(drug.name)\(drug.isControlled ? " (controlled)" : ""): \(forms).")
        } else {
            let matches = reference.formulary.search(name, limit: 5).map(\.title)
            parts.append(matches.isEmpty ? "Nothing in the formulary starts with “\(name)”. \(reference.formulary.didYouMean(name) ?? "")"
                         : "Matches: \(matches.joined(separator: " · ")).")
        }
        let shorthand = dialog.text(directions).trimmingCharacters(in: .whitespaces)
        if !shorthand.isEmpty {
            do {
                let sig = try SigParser(vocabulary: reference.sig).parse(shorthand)
                parts.append("→ \(sig.text)" + (sig.quantity.map { " (\($0))" } ?? ""))
            } catch {
                parts.append("Directions: \(error.description)")
            }
        }
        return parts.joined(separator: "  ")
    }

    /// The medicine form read into a line, or its problems by field.
    enum Reading: Hashable, Sendable {
        case line(PrescriptionLine)
        case problems([Int: String])
    }

    static func read(_ dialog: FormDialog, reference: PrescribingReference, today: CalendarDate) -> Reading {
        var problems: [Int: String] = [:]
        let name = dialog.text(medicine).trimmingCharacters(in: .whitespaces)
        let drug = reference.formulary.drug(named: name)
        if name.isEmpty {
            problems[medicine] = "Name the medicine."
        } else if drug == nil {
            problems[medicine] = "“\(name)” is not in the formulary. \(reference.formulary.didYouMean(name) ?? "Check the spelling.")"
        }
        let formName = dialog.text(form).trimmingCharacters(in: .whitespaces)
        if let drug, !formName.isEmpty, drug.presentation(formName) == nil {
            problems[form] = "\(drug.name) comes as \(drug.presentations.map(\.form).joined(separator: ", "))."
        }
        var sig: Sig?
        do {
            sig = try SigParser(vocabulary: reference.sig).parse(dialog.text(directions))
        } catch {
            problems[directions] = error.description
        }
        let refillText = dialog.text(refills).trimmingCharacters(in: .whitespaces)
        let refillCount = refillText.isEmpty ? 0 : Int(refillText)
        if refillCount.map({ !(0...12).contains($0) }) ?? true { problems[refills] = "Refills are a number from 0 to 12." }
        let daysText = dialog.text(validDays).trimmingCharacters(in: .whitespaces)
        let days = daysText.isEmpty ? 30 : Int(daysText)
        if days.map({ !(1...365).contains($0) }) ?? true { problems[validDays] = "Valid for 1 to 365 days." }
        var amount = dialog.text(quantity).trimmingCharacters(in: .whitespaces)
        if amount.isEmpty, let counted = sig?.quantity { amount = counted.description }
        if amount.isEmpty, sig != nil, problems[directions] == nil {
            problems[quantity] = "Say how much to dispense (the directions do not say for how long)."
        }
        guard problems.isEmpty, let drug, let sig, let refillCount, let days else { return .problems(problems) }
        return .line(PrescriptionLine(
            drug: drug.name, strength: dialog.text(strength).trimmingCharacters(in: .whitespaces),
            form: drug.presentation(formName)?.form ?? formName, dose: sig.dose?.text ?? "", route: sig.route?.route ?? "",
            frequency: sig.frequency?.words ?? "", durationDays: sig.durationDays, quantity: amount, refills: refillCount,
            sig: sig.text, validUntil: today.adding(days: days)))
    }

    /// The alerts dialog: every alert by severity in words, and a reason field for each alert
    /// that cannot be signed over without one (the others may be left empty).
    static func alertsDialog(_ draft: PrescriptionDraft, _ review: SigningReview) -> FormDialog {
        // Numbered when there are several, so each reason field names its alert in a few words
        // (the label column is narrow; the alert itself is written out above the fields).
        let numbered = review.alerts.count > 1
        let listed = review.alerts.enumerated().map { index, alert in
            (numbered ? "\(index + 1). " : "")
                + "\(alert.severity.description.uppercased()) \(alert.kind): \(alert.message) \(alert.advice)"
        }
        let fields = review.alerts.enumerated().map { index, alert in
            FormField("Reason\(numbered ? " \(index + 1)" : "") (\(alert.kind))",
                      placeholder: alert.severity.needsOverrideReason ? "a reason is required" : "optional",
                      isRequired: alert.severity.needsOverrideReason)
        }
        return FormDialog(
            title: "\(review.alerts.count) alert\(review.alerts.count == 1 ? "" : "s") for \(draft.patient.name)",
            intro: listed.joined(separator: "  ") + "  Save signs the prescription; cancel goes back to it.", fields: fields)
    }
}
