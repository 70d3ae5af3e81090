import ClinicCore
import Foundation
import TerminalKit

extension ConsultationFeature {
    /// The triage form, empty or filled from the triage it corrects.
    static func triageForm(_ visit: VisitRef, from previous: Triage?) -> FormDialog {
        var fields = triageSigns.map { sign in
            FormField("\(sign.label) (\(sign.unit))", placeholder: placeholder(sign))
        }
        fields.append(FormField("Note", placeholder: "what the patient says, in a few words"))
        fields.append(FormField("Priority", placeholder: "normal, urgent or emergency (n/u/e)"))
        var values = Array(repeating: "", count: fields.count)
        if let previous {
            let vitals = previous.vitals
            if let high = vitals.systolic, let low = vitals.diastolic { values[0] = "\(high)/\(low)" }
            values[1] = vitals.pulse.map(String.init) ?? ""
            values[2] = vitals.temperatureTenths.map { VitalSignRules.format(Double($0) / 10) } ?? ""
            values[3] = vitals.respiratoryRate.map(String.init) ?? ""
            values[4] = vitals.oxygenSaturation.map(String.init) ?? ""
            values[5] = vitals.weightGrams.map { VitalSignRules.format(Double($0) / 1000) } ?? ""
            values[6] = vitals.heightMillimetres.map { VitalSignRules.format(Double($0) / 10) } ?? ""
            values[triageNoteField] = previous.note
        }
        values[triagePriorityField] = (previous?.priority ?? visit.priority).rawValue
        let title = previous == nil ? "Triage — \(visit.title)" : "Correct the triage — \(visit.title)"
        return FormDialog(title: title, intro: "Leave what was not measured empty. Values outside the usual range are flagged, not refused.",
                          fields: fields, values: values)
    }

    private static func placeholder(_ sign: VitalSign) -> String {
        switch sign {
        case .bloodPressure: "e.g. 120/80"
        case .pulse: "e.g. 72"
        case .temperature: "e.g. 37.2 (or 98.6 F)"
        case .respiratoryRate: "e.g. 16"
        case .oxygenSaturation: "e.g. 98"
        case .weight: "e.g. 72.5 (or 160 lb)"
        case .height: "e.g. 168 (or 1.68 m)"
        }
    }

    /// The form read: vital signs with their flags, the note, the priority; or problems by field.
    static func readTriage(_ form: FormDialog, default priority: QueuePriority)
        -> Result<(VitalSignsReading, String, QueuePriority), FieldProblems>
    {
        var typed: [VitalSign: String] = [:]
        for (index, sign) in triageSigns.enumerated() { typed[sign] = form.text(index) }
        var errors: [Int: String] = [:]
        let priorityText = form.text(triagePriorityField).trimmingCharacters(in: .whitespaces).lowercased()
        let chosen: QueuePriority? = switch priorityText {
        case "": priority
        case "n", "normal": .normal
        case "u", "urgent": .urgent
        case "e", "emergency": .emergency
        default: nil
        }
        if chosen == nil { errors[triagePriorityField] = "Priority “\(priorityText)”: type normal, urgent or emergency (n, u, e)." }
        let note = form.text(triageNoteField).trimmingCharacters(in: .whitespaces)
        switch VitalSignRules.read(typed) {
        case let .failure(failure):
            for (index, sign) in triageSigns.enumerated() { errors[index] = failure.message(for: sign.rawValue) }
        case let .success(reading):
            if reading.vitals.isEmpty && note.isEmpty { errors[0] = "Nothing to record: measure something or write a note." }
            if errors.isEmpty, let chosen { return .success((reading, note, chosen)) }
        }
        return .failure(FieldProblems(errors.compactMapValues { $0 }))
    }

    /// The note form, empty or filled from the note it amends.
    static func noteForm(_ visit: VisitRef, from previous: ConsultationNote?) -> FormDialog {
        let fields = [FormField("Complaint", placeholder: "what brought the patient in"), FormField("Findings"),
                      FormField("Assessment"), FormField("Plan")]
        let content = previous?.content ?? NoteContent()
        let title = previous == nil ? "Note — \(visit.title)" : "Amend the note — \(visit.title)"
        let intro = previous == nil ? nil : "The note written \(previous.map { "by \($0.authorName)" } ?? "") is kept; this amendment follows it."
        return FormDialog(title: title, intro: intro, fields: fields,
                          values: [content.complaint, content.findings, content.assessment, content.plan])
    }
}
