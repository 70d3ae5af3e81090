import ClinicCore
import Foundation
import TerminalKit

/// The patient card: the allergy banner (always visible), demographics, medicines from
/// elsewhere, appointments, visits and prescriptions.
enum PatientCardView {
    static func render(_ cardState: CardState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        // Money owed puts the bill in reach, first.
        let owes = cardState.card.map { !$0.balance.isEmpty } ?? false
        let footer = context.hints.line((owes ? [("card.bill", "bill")] : []) + [
            ("card.edit", "edit"), ("card.check-in", "check in"), ("card.allergy-add", "allergy"), ("lookup.register", "new"),
            ("card.close", "back"),
        ])
        let block = Block(title: cardState.card.map { "\($0.patient.displayName) — \($0.patient.mrn)" } ?? "Patient card",
                          footer: footer, isFocused: context.isFocused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        guard let card = cardState.card, inner.height > 0 else {
            buffer.write("Loading…", at: inner.origin, scope: .hint, clip: inner)
            return
        }
        // The banner wraps rather than truncates: every allergy must stay readable.
        let banner = allergyBanner(card)
        var y = inner.y
        for row in TextWidth.wrap(banner.plainText, width: inner.width) where y < inner.maxY {
            let scope = banner.spans.first?.scope ?? .text
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), scope: scope)
            buffer.write(row, at: Position(x: inner.x, y: y), scope: scope, clip: inner)
            y += 1
        }
        let body = details(card, today: context.session.today)
        let rest = Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y))
        let start = min(cardState.scroll, max(0, body.count - rest.height))
        for (offset, line) in body.dropFirst(start).prefix(rest.height).enumerated() {
            buffer.write(line.truncated(toWidth: rest.width), at: Position(x: rest.x, y: rest.y + offset), clip: rest)
        }
    }

    /// The allergy state in words: recorded (each with reaction and severity), confirmed none, or not yet asked.
    static func allergyBanner(_ card: PatientCard) -> Line {
        switch card.patient.allergyStatus {
        case .recorded where !card.allergies.isEmpty:
            let severe = card.allergies.contains { $0.severity == .severe }
            let items = card.allergies.sorted { $0.severity > $1.severity }.map { allergy in
                "\(allergy.substance) (\(allergy.severity)\(allergy.reaction.isEmpty ? "" : ": \(allergy.reaction)"))"
            }
            return Line("⚠ ALLERGIES: " + items.joined(separator: "; "), scope: severe ? "alert.allergy.severe" : "alert.allergy")
        case .noKnownAllergies:
            return Line("✓ No known allergies (asked and confirmed)", scope: "alert.none")
        case .unableToAsk:
            let note = card.patient.allergyNote
            return Line("? Allergies unknown — unable to ask" + (note.isEmpty ? "" : ": \(note)"), scope: "alert.unknown")
        case .notAsked, .recorded:
            return Line("? Allergies not yet asked — ask before prescribing", scope: "alert.unknown")
        }
    }

    static func details(_ card: PatientCard, today: CalendarDate) -> [Line] {
        let patient = card.patient
        let details = patient.details
        var lines: [Line] = [Line("")]
        func field(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            lines.append(Line([Span(label.padding(toLength: 11, withPad: " ", startingAt: 0), scope: .fieldLabel), Span(value)]))
        }
        let age = details.birthDate.map { "\($0.isEstimated ? "~" : "")\($0.age(on: today)) years" } ?? ""
        if let owed = BalanceWords.sentence(card.balance) {
            lines.append(Line([Span("Balance".padding(toLength: 11, withPad: " ", startingAt: 0), scope: .fieldLabel),
                               Span(owed, scope: "billing.owed")]))
        }
        field("Sex", details.sex.rawValue)
        field("Born", details.birthDate.map { "\($0) · \(age)" } ?? "not recorded")
        field("Phone", [details.phone?.normalized, details.alternatePhone?.normalized].compactMap { $0 }.joined(separator: ", "))
        field("Address", details.address.singleLine)
        if let contact = details.emergencyContact {
            field("Emergency", [contact.name, contact.relationship, contact.phone?.normalized ?? ""].filter { !$0.isEmpty }.joined(separator: " · "))
        }
        for identifier in details.identifiers { field(identifier.kind, identifier.value) }
        lines.append(Line(""))
        // The prescribing checks read these with the clinic's own prescriptions (listed below).
        lines.append(Line("Also takes (not prescribed here)", scope: .header))
        if card.otherMedicines.isEmpty { lines.append(Line("  none recorded", scope: .hint)) }
        for medicine in card.otherMedicines { lines.append(Line("  " + medicine.summary)) }
        lines.append(Line("Upcoming appointments", scope: .header))
        if card.upcoming.isEmpty { lines.append(Line("  none", scope: .hint)) }
        for entry in card.upcoming.prefix(5) {
            lines.append(Line("  \(entry.appointment.start) · \(entry.providerName) · \(StatusWords.appointment(entry.appointment.status))"))
        }
        lines.append(Line("Recent visits", scope: .header))
        if card.recentVisits.isEmpty { lines.append(Line("  none", scope: .hint)) }
        for entry in card.recentVisits.prefix(5) {
            var parts = ["\(entry.visit.day)", entry.providerName]
            if !entry.reason.isEmpty { parts.append(entry.reason) }
            parts.append(entry.visit.outcome?.description ?? StatusWords.visit(entry.visit.status))
            if entry.noteCount > 0 { parts.append(entry.noteCount == 1 ? "1 note" : "\(entry.noteCount) notes") }
            if !entry.prescriptionCodes.isEmpty { parts.append("Rx " + entry.prescriptionCodes.joined(separator: ", ")) }
            lines.append(Line("  " + parts.joined(separator: " · ")))
        }
        lines.append(Line("Prescriptions", scope: .header))
        if card.prescriptions.isEmpty { lines.append(Line("  none", scope: .hint)) }
        for prescription in card.prescriptions.prefix(5) {
            lines.append(Line("  \(ISOInstant.format(prescription.signedAt).prefix(10)) · " + prescription.items.map(\.title).joined(separator: "; ")))
        }
        return lines
    }
}
