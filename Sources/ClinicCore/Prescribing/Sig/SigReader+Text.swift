import Foundation

extension SigReader {
    /// The directions in words and the quantity, once every token has been read without problems.
    func sig() -> Sig {
        let shownVerb = verb ?? unit?.verb ?? route?.verb ?? "Take"
        var parts = [shownVerb]
        if let dose {
            let plural = dose.high > 1
            parts.append(
                [dose.text, unit.map { plural ? $0.plural : $0.singular }].compactMap { $0 }.joined(separator: " "))
        }
        if let route, !Self.restates(shownVerb, route.words) { parts.append(route.words) }
        if let frequency { parts.append(frequency.words) }
        parts.append(contentsOf: timings)
        if let asNeeded { parts.append(reason.isEmpty ? asNeeded : "\(asNeeded) for \(reason.joined(separator: " "))") }
        if let duration { parts.append(duration.words) }
        parts.append(contentsOf: instructions)
        var text = parts.joined(separator: " ")
        if let maximum { text += " (no more than \(Self.words(maximum)) in 24 hours)" }
        return Sig(
            text: text, dose: dose.map { Sig.Dose(low: $0.low, high: $0.high, text: $0.text) }, unit: unit,
            route: route,
            frequency: frequency, asNeeded: asNeeded != nil, durationDays: duration?.days, quantity: quantity()
        )
    }

    /// Whether the route words only repeat the verb ("Inhale … by inhalation").
    private static func restates(_ verb: String, _ words: String) -> Bool {
        let stem = verb.lowercased().dropLast()
        guard stem.count >= 4, let last = words.split(separator: " ").last else { return false }
        return last.lowercased().hasPrefix(stem)
    }

    /// "8 tablets", or "4 doses" when the maximum names no unit.
    private static func words(_ maximum: (count: SigNumber, unit: SigUnit?)) -> String {
        let plural = maximum.count.high > 1
        let noun = maximum.unit.map { plural ? $0.plural : $0.singular } ?? (plural ? "doses" : "dose")
        return "\(maximum.count.text) \(noun)"
    }

    /// dose × doses a day × days, rounded up to whole units; nil unless the unit is counted and
    /// the frequency and duration are known (or the dose is given once). As-needed sigs count
    /// only with a daily maximum.
    private func quantity() -> Sig.Quantity? {
        guard let dose, let unit, unit.kind == .counted else { return nil }
        // A count of dose units (tablets, capsules), fractional until rounded up below; not money.
        let units: Double
        if asNeeded != nil {
            guard let maximum, let days = duration?.days, maximum.unit == nil || maximum.unit == unit else {
                return nil
            }
            let perDay = maximum.unit == unit ? maximum.count.high : maximum.count.high * dose.high
            units = perDay * Double(days)
        } else {
            switch frequency?.doses {
            case .once:
                units = dose.high
            case let .perDay(numerator, denominator):
                guard let days = duration?.days else { return nil }
                units = dose.high * Double(numerator) * Double(days) / Double(denominator)
            case nil:
                return nil
            }
        }
        guard units > 0, units < 1_000_000 else { return nil }
        return Sig.Quantity(amount: Int((units - 1e-9).rounded(.up)), unit: unit)
    }
}
