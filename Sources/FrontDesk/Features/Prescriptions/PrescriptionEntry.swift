public import ClinicCore
public import TerminalKit

/// A prescription being written: whose, the medicines so far, and (when it corrects one) which.
public struct PrescriptionDraft: Hashable, Sendable {
    public var patient: PatientRef
    public var lines: [PrescriptionLine] = []
    public var correcting: PrescriptionCorrection?

    public init(patient: PatientRef, lines: [PrescriptionLine] = [], correcting: PrescriptionCorrection? = nil) {
        self.patient = patient
        self.lines = lines
        self.correcting = correcting
    }

    /// "amoxicillin 500 mg capsule — Take 1 capsule…; paracetamol …".
    var summary: String {
        lines.map { "\($0.title) — \($0.sig)" + ($0.quantity.isEmpty ? "" : " (\($0.quantity))") }.joined(separator: "; ")
    }
}

/// The prescribing reference in the state, compared by identity of its load: it is loaded once
/// and never changes while the app runs, so the state need not hash a whole formulary.
public struct ReferenceData: Hashable, Sendable {
    public let reference: PrescribingReference
    let generation: Int

    public init(_ reference: PrescribingReference, generation: Int = 0) {
        self.reference = reference
        self.generation = generation
    }

    public static func == (lhs: ReferenceData, rhs: ReferenceData) -> Bool { lhs.generation == rhs.generation }
    public func hash(into hasher: inout Hasher) { hasher.combine(generation) }
}

/// What the checks found for a draft, as the prescriber is shown it before signing.
public struct SigningReview: Hashable, Sendable {
    public var alerts: [PrescribingAlert]
    public var allergyStatus: AllergyStatus

    public init(alerts: [PrescribingAlert], allergyStatus: AllergyStatus) {
        self.alerts = alerts.sorted { $0.severity < $1.severity }
        self.allergyStatus = allergyStatus
    }
}

/// The prescribing dialogs, each on top of the prescriptions pane.
public enum PrescriptionsModal: Hashable, Sendable {
    /// One medicine: name (searched as typed), form, strength, directions in shorthand (read as typed).
    case item(PrescriptionDraft, FormDialog)
    /// The medicines so far: sign, add another, or discard.
    case draft(PrescriptionDraft, ChoiceDialog)
    /// The alerts, most serious first, with a reason for each that needs one.
    case alerts(PrescriptionDraft, SigningReview, FormDialog)
    /// Why a prescription is cancelled, or corrected.
    case reason(Prescription, ReasonPurpose, FormDialog)
}

/// What a reason is asked for.
public enum ReasonPurpose: Hashable, Sendable {
    case cancel
    case correct
}
