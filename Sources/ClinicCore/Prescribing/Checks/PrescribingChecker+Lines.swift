import Foundation

extension PrescribingChecker {
    /// Checks of one new line on its own: do-not-use abbreviations in any field, and a form,
    /// strength, route or sig unit the drug does not come in.
    func lineAlerts(_ item: CheckedItem) -> [PrescribingAlert] {
        let sigTokens = SigToken.tokens(of: item.line.sig)
        return doNotUseAlerts(item, sigTokens: sigTokens) + doseFormAlerts(item, sigTokens: sigTokens)
    }

    private func doNotUseAlerts(_ item: CheckedItem, sigTokens: [SigToken]) -> [PrescribingAlert] {
        let line = item.line
        let fields: [(String, String)] = [
            ("drug name", line.drug), ("strength", line.strength), ("form", line.form), ("dose", line.dose),
            ("route", line.route), ("frequency", line.frequency), ("quantity", line.quantity), ("sig", line.sig),
        ]
        var alerts: [PrescribingAlert] = []
        for (field, text) in fields where !text.isEmpty {
            let findings =
                field == "sig"
                ? reference.sig.doNotUseFindings(in: text, tokens: sigTokens) : reference.sig.doNotUseFindings(in: text)
            guard !findings.isEmpty else { continue }
            let title = item.entered.isEmpty ? "A prescription line" : line.title
            for finding in findings {
                alerts.append(
                    PrescribingAlert(
                        kind: .doNotUseAbbreviation, severity: .interruptive, drugs: [item.entered],
                        message:
                            "\(title): “\(finding.written)” in the \(field) must not be used (\(finding.entry.reason)).",
                        advice: "Write “\(finding.entry.replacement)” instead (\(finding.entry.source))."))
            }
        }
        return alerts
    }

    private func doseFormAlerts(_ item: CheckedItem, sigTokens: [SigToken]) -> [PrescribingAlert] {
        guard let product = item.product else { return [] }
        let formulary = reference.formulary
        let drug = formulary.drugs[product]
        let line = item.line
        var problems: [String] = []
        let formName = line.form.trimmedWhitespace
        let presentation = formName.isEmpty ? nil : drug.presentation(formName)
        if !formName.isEmpty && presentation == nil {
            problems.append(
                "“\(formName)” is not a form \(drug.name) comes in (\(drug.presentations.map(\.form).joined(separator: ", ")))."
            )
        }
        let strength = line.strength.trimmedWhitespace
        // A strength is checked against the chosen form's, or every form's when none is chosen.
        let listed = presentation?.strengths ?? (formName.isEmpty ? drug.presentations.flatMap(\.strengths) : [])
        if !strength.isEmpty, !listed.isEmpty, case let key = Self.strengthKey(strength),
            !listed.contains(where: { Self.strengthKey($0) == key })
        {
            problems.append("\(strength) is not a listed strength (\(Self.unique(listed).joined(separator: ", "))).")
        }
        let forms = (presentation.map { [$0] } ?? drug.presentations).compactMap { formulary.form(named: $0.form) }
        let described = presentation?.form ?? drug.name
        let routes = Self.unique(forms.flatMap(\.routes))
        let units = Self.unique(forms.flatMap(\.units))
        let sig = forms.isEmpty ? nil : try? SigParser(vocabulary: reference.sig).parse(line.sig, tokens: sigTokens)
        let route = line.route.trimmedWhitespace
        if !route.isEmpty, !forms.isEmpty {
            if let known = reference.sig.route(named: route) {
                // A route the sig also gives is reported once, with the sig.
                if !routes.contains(known.route) && known.route != sig?.route?.route {
                    problems.append("route “\(route)” does not fit \(described) (\(routes.joined(separator: ", "))).")
                }
            } else {
                problems.append("route “\(route)” is not a route the sig vocabulary knows.")
            }
        }
        if let sig {
            if let unit = sig.unit, unit.kind != .amount,
                !units.contains(where: { $0.lowercased() == unit.singular.lowercased() })
            {
                problems.append(
                    "the sig doses in \(unit.plural), which does not fit \(described) (\(units.joined(separator: ", ")))."
                )
            }
            if let sigRoute = sig.route, !routes.contains(sigRoute.route) {
                problems.append(
                    "the sig gives it \(sigRoute.words), which does not fit \(described) (\(routes.joined(separator: ", ")))."
                )
            }
        }
        return problems.map { problem in
            PrescribingAlert(
                kind: .doseFormMismatch, severity: .moderate, drugs: [item.entered],
                message: "\(line.title): \(problem)",
                advice: "Check the form, strength and directions against the product to be dispensed.")
        }
    }

    /// `500mg`, `500 mg`, `500 MG` and `500.0 mg` are one strength.
    private static func strengthKey(_ text: String) -> String {
        var words = text.lowercased()
        if words.contains("gram") {
            words = words
                .replacingOccurrences(of: "micrograms", with: "mcg").replacingOccurrences(of: "microgram", with: "mcg")
                .replacingOccurrences(of: "milligrams", with: "mg").replacingOccurrences(of: "milligram", with: "mg")
        }
        var key = ""
        var number = ""
        for character in words + " " {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            if !number.isEmpty {
                key +=
                    Double(number).map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) } ?? number
                number = ""
            }
            if !character.isWhitespace { key.append(character) }
        }
        return key
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
