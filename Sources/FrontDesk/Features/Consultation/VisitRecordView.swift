import ClinicCore
import Foundation
public import TerminalKit

/// A visit's record over the screen: each triage with its flagged values, then each note with
/// who wrote it and when; amendments and corrections marked, the earlier entries kept.
enum VisitRecordView {
    static func render(_ record: VisitRecordState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.cursor = nil
        let box = area.centered(width: min(area.width, 96), height: area.height)
        buffer.render(Clear(scope: .dialog), in: box)
        let footer = context.hints.line([("consultation.amend", "amend note"), ("consultation.correct-triage", "correct triage"),
                                         ("consultation.close", "close")])
        let block = Block(title: "Visit record — \(record.visit.title)", footer: footer, isFocused: true, fill: .dialog,
                          titleScope: .dialogTitle)
        buffer.render(block, in: box)
        let inner = block.inner(box).inset(horizontal: 1)
        let lines = record.isLoaded ? self.lines(record, context.session, width: inner.width) : [Line("Loading…", scope: .hint)]
        let start = min(record.scroll, max(0, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            buffer.write(line.truncated(toWidth: inner.width), at: Position(x: inner.x, y: inner.y + offset), scope: .dialog, clip: inner)
        }
    }

    static func lines(_ record: VisitRecordState, _ session: Session, width: Int) -> [Line] {
        var lines: [Line] = [Line("Triage", scope: .header)]
        if record.triages.isEmpty { lines.append(Line("  not triaged", scope: .hint)) }
        for triage in record.triages {
            let corrected = record.triages.contains { $0.supersedes == triage.id }
            let head = "  \(ClockText.moment(triage.recordedAt, session: session)) by \(triage.recordedBy) · \(triage.priority)"
                + (triage.supersedes == nil ? "" : " · correction") + (corrected ? " · corrected later" : "")
            lines.append(Line(head, scope: corrected ? .textDim : .dialog))
            let flags = VitalSignRules.flags(of: triage.vitals)
            let values = vitalTexts(triage.vitals).map { sign, text in text + (flags[sign].map { " (\($0.word))" } ?? "") }
            if !values.isEmpty { wrap("    " + values.joined(separator: " · "), into: &lines, width: width, scope: corrected ? .textDim : nil) }
            if !triage.note.isEmpty { wrap("    " + triage.note, into: &lines, width: width, scope: corrected ? .textDim : nil) }
        }
        lines.append(Line(""))
        lines.append(Line("Consultation notes", scope: .header))
        if !session.may(.viewClinicalNotes) {
            lines.append(Line("  Notes are seen only by doctors and nurses.", scope: .hint))
        } else if record.notes.isEmpty {
            lines.append(Line("  no note yet", scope: .hint))
        }
        for note in record.notes {
            let amended = record.notes.contains { $0.supersedes == note.id }
            let scope: Scope? = amended ? .textDim : nil
            let head = "  \(ClockText.moment(note.writtenAt, session: session)) by \(note.authorName)"
                + (note.supersedes == nil ? "" : " · amendment") + (amended ? " · amended later" : "")
            lines.append(Line(head, scope: scope ?? .dialog))
            for (label, text) in [("Complaint", note.content.complaint), ("Findings", note.content.findings),
                                  ("Assessment", note.content.assessment), ("Plan", note.content.plan)] where !text.isEmpty {
                wrap("    \(label): \(text)", into: &lines, width: width, scope: scope)
            }
        }
        return lines
    }

    /// `BP 182/110 mmHg`, `pulse 96 /min`, … for what was measured.
    static func vitalTexts(_ vitals: VitalSigns) -> [(VitalSign, String)] {
        var texts: [(VitalSign, String)] = []
        if let high = vitals.systolic, let low = vitals.diastolic { texts.append((.bloodPressure, "BP \(high)/\(low) mmHg")) }
        if let pulse = vitals.pulse { texts.append((.pulse, "pulse \(pulse) /min")) }
        if let temperature = vitals.temperatureTenths { texts.append((.temperature, "temp \(VitalSignRules.format(Double(temperature) / 10)) °C")) }
        if let rate = vitals.respiratoryRate { texts.append((.respiratoryRate, "RR \(rate) /min")) }
        if let saturation = vitals.oxygenSaturation { texts.append((.oxygenSaturation, "SpO₂ \(saturation) %")) }
        if let weight = vitals.weightGrams { texts.append((.weight, "weight \(VitalSignRules.format(Double(weight) / 1000)) kg")) }
        if let height = vitals.heightMillimetres { texts.append((.height, "height \(VitalSignRules.format(Double(height) / 10)) cm")) }
        return texts
    }

    /// Wraps `text` under its leading indent.
    private static func wrap(_ text: String, into lines: inout [Line], width: Int, scope: Scope?) {
        let indent = String(text.prefix { $0 == " " })
        for row in TextWidth.wrap(String(text.dropFirst(indent.count)), width: max(1, width - indent.count)) {
            lines.append(Line(indent + row, scope: scope ?? .dialog))
        }
    }
}

/// Draws one of the consultation's dialogs.
public enum ConsultationModalView {
    public static func render(_ modal: ConsultationModal, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch modal {
        case let .triage(_, form, _), let .note(_, form, _): FormDialogView.render(form, context, in: area, buffer: &buffer)
        case let .record(record): VisitRecordView.render(record, context, in: area, buffer: &buffer)
        }
    }
}
