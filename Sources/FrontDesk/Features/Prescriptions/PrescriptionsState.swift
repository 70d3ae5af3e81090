public import ClinicCore
public import TerminalKit

/// The prescriptions pane: the prescriptions of exactly the patient the user is looking at, and
/// writing, signing, printing and cancelling them (doctors only).
public struct PrescriptionsState: Hashable, Sendable {
    /// Whose prescriptions these are; nil shows nothing.
    public var patient: PatientRef?
    public var prescriptions: [Prescription] = []
    public var list = ListState()
    public var isLoaded = false
    /// The formulary and sig vocabulary, once read (the first prescription of a session reads them).
    public var reference: ReferenceData?
    /// A prescription waiting for the reference to open its first medicine form.
    public var pendingDraft: PrescriptionDraft?
    /// The prescription just written, to select once the list is read again.
    public var selectOnLoad: EntityID<Prescription>?

    public init() {}

    /// The selected prescription, when the filter keeps it.
    public var selected: Prescription? {
        list.selected.flatMap { prescriptions.indices.contains($0) ? prescriptions[$0] : nil }
    }
}

/// What can happen in the prescriptions pane and its dialogs.
public enum PrescriptionsAction: Hashable, Sendable {
    /// Show this patient's prescriptions (nil: nobody is being looked at).
    case show(PatientRef?)
    case loaded(EntityID<Patient>, [Prescription])
    case failed(DeskError)
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    case refresh
    /// Write a new prescription for the patient shown.
    case write
    /// Correct the selected prescription: a new one that replaces it, with a reason.
    case correct
    /// Cancel the selected prescription, with a reason.
    case cancel
    /// Print the selected prescription's slip.
    case print
    case referenceLoaded(ReferenceData)
    case typed(TextEdit)
    case form(FormCommand)
    case choiceMoved(ListMove)
    case answered(DialogCommand)
    /// The checks ran over a draft.
    case reviewed(PrescriptionDraft, SigningReview)
    /// A write finished: the dialogs close, the message says what was done, and the entry written is selected.
    case wrote(String, select: EntityID<Prescription>?)
    /// A slip was printed or written; says where.
    case printed(String)
    /// A write or a print was refused; the dialog on top stays for another try.
    case refused(DeskError)
    case delegate(PrescriptionsDelegate)
}

/// What the prescriptions pane tells the root.
public enum PrescriptionsDelegate: Hashable, Sendable {
    /// Something was written: the other panes read again.
    case storeWritten
}

/// Work the prescriptions pane asks for.
public enum PrescriptionsEffect: IdentifiedEffect {
    case load(EntityID<Patient>)
    case loadReference
    case review(PrescriptionDraft)
    case sign(PrescriptionDraft, [AlertOverride], User)
    case cancel(Prescription, reason: String, User)
    case print(Prescription)

    public var id: EffectID? {
        switch self {
        case .load: "prescriptions.patient"
        case .loadReference: "prescriptions.reference"
        case .review: "prescriptions.review"
        case .sign, .cancel, .print: nil
        }
    }

    /// Not optimized: in release builds this toolchain's optimizer lost the client passed in here
    /// (the app crashed reading it right after sign-in, when the pane first loads a patient).
    @_optimize(none)
    func run(_ client: PrescriptionsClient, log: @Sendable (String) -> Void) async -> [PrescriptionsAction] {
        do {
            switch self {
            case let .load(id):
                return [.loaded(id, try await client.prescriptions(id))]
            case .loadReference:
                return [.referenceLoaded(ReferenceData(try await client.reference()))]
            case let .review(draft):
                return [.reviewed(draft, try await client.review(draft.patient.id, draft.lines, draft.correcting))]
            case let .sign(draft, overrides, user):
                let signed = try await client.sign(draft.patient.id, draft.lines, overrides, draft.correcting, user)
                let what = draft.correcting == nil ? "Signed" : "Signed the correction"
                return [.wrote("\(what) \(signed.verificationCode) for \(draft.patient.name): \(draft.lines.map(\.title).joined(separator: "; ")).",
                               select: signed.id)]
            case let .cancel(prescription, reason, user):
                try await client.cancel(prescription.id, reason, user)
                return [.wrote("Cancelled \(prescription.verificationCode) (\(reason)); a pharmacist checking it is told not to dispense.",
                               select: prescription.id)]
            case let .print(prescription):
                return [.printed(try await client.print(prescription.id))]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("prescriptions: \(self.id?.name ?? "write") failed: \(error)")
            if case .load = self { return [.failed(DeskError.from(error))] }
            return [.refused(DeskError.from(error))]
        }
    }
}

/// What the prescriptions pane needs from the world.
public struct PrescriptionsClient: Sendable {
    public var prescriptions: @Sendable (EntityID<Patient>) async throws -> [Prescription]
    /// The formulary, interactions and sig vocabulary.
    public var reference: @Sendable () async throws -> PrescribingReference
    /// The checks over new lines for the patient (their allergies and current medicines).
    public var review: @Sendable (EntityID<Patient>, [PrescriptionLine], PrescriptionCorrection?) async throws -> SigningReview
    public var sign: @Sendable (EntityID<Patient>, [PrescriptionLine], [AlertOverride], PrescriptionCorrection?, User) async throws
        -> Prescription
    public var cancel: @Sendable (EntityID<Prescription>, String, User) async throws -> Void
    /// Prints the slip (or writes its PDF) and says where it went.
    public var print: @Sendable (EntityID<Prescription>) async throws -> String

    public init(
        prescriptions: @escaping @Sendable (EntityID<Patient>) async throws -> [Prescription],
        reference: @escaping @Sendable () async throws -> PrescribingReference,
        review: @escaping @Sendable (EntityID<Patient>, [PrescriptionLine], PrescriptionCorrection?) async throws -> SigningReview,
        sign: @escaping @Sendable (EntityID<Patient>, [PrescriptionLine], [AlertOverride], PrescriptionCorrection?, User) async throws
            -> Prescription,
        cancel: @escaping @Sendable (EntityID<Prescription>, String, User) async throws -> Void,
        print: @escaping @Sendable (EntityID<Prescription>) async throws -> String
    ) {
        self.prescriptions = prescriptions
        self.reference = reference
        self.review = review
        self.sign = sign
        self.cancel = cancel
        self.print = print
    }
}
