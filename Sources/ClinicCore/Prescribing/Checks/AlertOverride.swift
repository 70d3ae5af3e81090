import Foundation

/// An alert the prescriber signed over, with the reason they gave: stored with the
/// prescription and in the audit trail, and shown in its history.
public struct AlertOverride: Hashable, Sendable, Codable {
    public var alert: PrescribingAlert
    /// Required for contraindicated and interruptive alerts; may be empty for the others.
    public var reason: String

    public init(alert: PrescribingAlert, reason: String) {
        self.alert = alert
        self.reason = reason
    }
}

/// Signing a prescription: the alerts the checks raise for it, and what signing still needs.
public enum SigningRules {
    /// Why the prescription cannot be signed yet, in words; nil when it can. The allergies must
    /// have been asked, and every alert that needs a reason must have one.
    public static func refusal(alerts: [PrescribingAlert], overrides: [AlertOverride], allergyStatus: AllergyStatus) -> String? {
        if allergyStatus == .notAsked {
            return
                "Allergies not yet asked: record the patient's allergies, no known allergies, or that they could not be asked (with the reason) before signing."
        }
        let missing = alerts.filter { alert in
            alert.severity.needsOverrideReason
                && !overrides.contains { $0.alert == alert && !$0.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        }
        guard !missing.isEmpty else { return nil }
        let named = missing.map { "\($0.severity) \($0.kind): \($0.message)" }.joined(separator: "; ")
        return "Signing over \(missing.count == 1 ? "this alert needs a reason" : "these alerts need reasons"): \(named)"
    }

    /// The overrides to keep: one per alert raised, with its reason (empty when none was given).
    public static func overrides(for alerts: [PrescribingAlert], given: [AlertOverride]) -> [AlertOverride] {
        alerts.map { alert in
            AlertOverride(alert: alert, reason: given.first { $0.alert == alert }?.reason.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        }
    }
}
