/// The offline prescribing checks: allergies and cross-reactivity, drug–drug interactions,
/// duplicate therapy, dose-form mismatches and do-not-use abbreviations, for every new item
/// against the patient's allergies, current medicines and the rest of the prescription.
///
/// Matching goes through ingredients (co-amoxiclav is checked as amoxicillin and clavulanic
/// acid), ignores case and accepts synonyms and brands, and gives the same alerts whichever
/// drug was prescribed first. A drug the formulary does not know is reported as unchecked,
/// never passed in silence.
public struct PrescribingChecker: Sendable {
    public let reference: PrescribingReference

    public init(reference: PrescribingReference) {
        self.reference = reference
    }

    /// Every alert for the new items, most serious first.
    public func check(_ request: PrescribingCheck) -> [PrescribingAlert] {
        let formulary = reference.formulary
        let new = request.newItems.map { CheckedItem($0, role: .new, formulary: formulary) }
        let others =
            request.otherItems.map { CheckedItem($0, role: .samePrescription, formulary: formulary) }
            + request.currentMedicines.map { CheckedItem($0, role: .current, formulary: formulary) }
        var alerts: [PrescribingAlert] = []
        alerts += unknownDrugAlerts(new + others)
        alerts += allergyAlerts(
            new, allergies: request.allergies.current, status: request.allergyStatus, note: request.allergyNote)
        func pair(_ item: CheckedItem, _ other: CheckedItem) {
            alerts += interactionAlerts(item, other)
            alerts += duplicateAlerts(item, other)
        }
        // Each new item against the later new ones and all the others (two loops: joining the
        // arrays copied every item for every new one).
        for index in new.indices {
            for other in new[(index + 1)...] { pair(new[index], other) }
            for other in others { pair(new[index], other) }
            alerts += lineAlerts(new[index])
        }
        var seen: Set<PrescribingAlert> = []
        return alerts.filter { seen.insert($0).inserted }.sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            if a.kind != b.kind {
                return AlertKind.allCases.firstIndex(of: a.kind)! < AlertKind.allCases.firstIndex(of: b.kind)!
            }
            return a.message < b.message
        }
    }

    private func unknownDrugAlerts(_ items: [CheckedItem]) -> [PrescribingAlert] {
        items.compactMap { item in
            guard item.product == nil else { return nil }
            if item.entered.isEmpty {
                return PrescribingAlert(
                    kind: .unknownDrug, severity: item.role == .new ? .interruptive : .warning, drugs: [],
                    message: "A line (\(item.role.noun)) has no drug name.",
                    advice: "Choose the medicine from the formulary.")
            }
            let hint = reference.formulary.didYouMean(item.entered).map { " " + $0 } ?? ""
            if item.role == .new {
                return PrescribingAlert(
                    kind: .unknownDrug, severity: .interruptive, drugs: [item.entered],
                    message:
                        "“\(item.entered)” is not in the formulary: allergy, interaction and duplicate checks did not run for it.\(hint)",
                    advice: "Choose the medicine from the formulary, or have a pharmacist check it.")
            }
            return PrescribingAlert(
                kind: .unknownDrug, severity: .warning, drugs: [item.entered],
                message:
                    "“\(item.entered)” (\(item.role.noun)) is not in the formulary: interactions with it were not checked.\(hint)",
                advice: "Record it under its formulary name, or check it by hand.")
        }
    }

    /// "a, b and c".
    static func list(_ names: [String], _ conjunction: String = "and") -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
