public import ClinicCore

/// Work patient lookup asks for.
public enum PatientsEffect: IdentifiedEffect {
    case search(String, limit: Int)
    case loadRecent(User, limit: Int)
    case loadCard(EntityID<Patient>)
    /// "Who looked at this record": once per user, patient and sign-in.
    case recordRead(EntityID<Patient>, User)
    case checkDuplicates(PatientDetails)
    case register(PatientDetails, DuplicateOverride?, User)
    case edit(EntityID<Patient>, base: PatientDetails, edited: PatientDetails, User)
    case recordUseOfExisting(EntityID<Patient>, User)
    case recordAllergy(EntityID<Patient>, AllergyEntry, User)
    case recordNoKnownAllergies(EntityID<Patient>, User)
    case recordUnableToAsk(EntityID<Patient>, reason: String, User)
    case retractAllergy(Allergy, reason: String, User)
    case recordMedicine(EntityID<Patient>, MedicineEntry, User)
    case stopMedicine(OtherMedicine, reason: String, User)

    /// A newer search (or recent list) replaces the one in flight, a newer card the card loading;
    /// writes always run to the end.
    public var id: EffectID? {
        switch self {
        case .search, .loadRecent: "patients.results"
        case .loadCard: "patients.card"
        case .checkDuplicates: "patients.duplicates"
        case .recordRead: nil
        case .register, .edit, .recordUseOfExisting, .recordAllergy, .recordNoKnownAllergies, .recordUnableToAsk, .retractAllergy, .recordMedicine, .stopMedicine: nil
        }
    }
}

/// What patient lookup needs from the world.
public struct PatientsClient: Sendable {
    public var search: @Sendable (_ text: String, _ limit: Int) async throws -> [PatientSummary]
    /// The patients this user last worked on, most recent first.
    public var recent: @Sendable (_ user: User, _ limit: Int) async throws -> [PatientSummary]
    public var card: @Sendable (EntityID<Patient>) async throws -> PatientCard?
    /// Existing patients who may be the person about to be registered, best first.
    public var duplicateCandidates: @Sendable (PatientDetails) async throws -> [DuplicateCandidate]
    /// Registers a patient; `override` carries the reason when duplicate candidates were shown and set aside.
    public var register: @Sendable (PatientDetails, DuplicateOverride?, User) async throws -> Patient
    /// Saves an edit; throws ``DeskError/editConflict(_:)`` when someone else changed the same fields meanwhile.
    public var edit: @Sendable (_ id: EntityID<Patient>, _ base: PatientDetails, _ edited: PatientDetails, User) async throws -> Patient
    /// Records that the receptionist chose an existing patient instead of registering a new one.
    public var recordUseOfExisting: @Sendable (EntityID<Patient>, User) async throws -> Void
    public var recordAllergy: @Sendable (EntityID<Patient>, AllergyEntry, User) async throws -> Void
    public var recordNoKnownAllergies: @Sendable (EntityID<Patient>, User) async throws -> Void
    /// Records that the allergies could not be asked, with the reason.
    public var recordUnableToAsk: @Sendable (EntityID<Patient>, String, User) async throws -> Void
    public var retractAllergy: @Sendable (EntityID<Allergy>, String, User) async throws -> Void
    public var recordMedicine: @Sendable (EntityID<Patient>, MedicineEntry, User) async throws -> Void
    public var stopMedicine: @Sendable (EntityID<OtherMedicine>, String, User) async throws -> Void
    public var recordRead: @Sendable (EntityID<Patient>, User) async throws -> Void

    public init(
        search: @escaping @Sendable (String, Int) async throws -> [PatientSummary],
        recent: @escaping @Sendable (User, Int) async throws -> [PatientSummary],
        card: @escaping @Sendable (EntityID<Patient>) async throws -> PatientCard?,
        duplicateCandidates: @escaping @Sendable (PatientDetails) async throws -> [DuplicateCandidate],
        register: @escaping @Sendable (PatientDetails, DuplicateOverride?, User) async throws -> Patient,
        edit: @escaping @Sendable (EntityID<Patient>, PatientDetails, PatientDetails, User) async throws -> Patient,
        recordUseOfExisting: @escaping @Sendable (EntityID<Patient>, User) async throws -> Void,
        recordAllergy: @escaping @Sendable (EntityID<Patient>, AllergyEntry, User) async throws -> Void,
        recordNoKnownAllergies: @escaping @Sendable (EntityID<Patient>, User) async throws -> Void,
        recordUnableToAsk: @escaping @Sendable (EntityID<Patient>, String, User) async throws -> Void,
        retractAllergy: @escaping @Sendable (EntityID<Allergy>, String, User) async throws -> Void,
        recordMedicine: @escaping @Sendable (EntityID<Patient>, MedicineEntry, User) async throws -> Void,
        stopMedicine: @escaping @Sendable (EntityID<OtherMedicine>, String, User) async throws -> Void,
        recordRead: @escaping @Sendable (EntityID<Patient>, User) async throws -> Void = { _, _ in }
    ) {
        self.recordRead = recordRead
        self.recordMedicine = recordMedicine
        self.stopMedicine = stopMedicine
        self.search = search
        self.recent = recent
        self.card = card
        self.duplicateCandidates = duplicateCandidates
        self.register = register
        self.edit = edit
        self.recordUseOfExisting = recordUseOfExisting
        self.recordAllergy = recordAllergy
        self.recordNoKnownAllergies = recordNoKnownAllergies
        self.recordUnableToAsk = recordUnableToAsk
        self.retractAllergy = retractAllergy
    }
}

extension PatientsEffect {
    /// Runs the effect through the client and answers with actions. A cancelled search answers nothing.
    func run(_ client: PatientsClient, log: @Sendable (String) -> Void) async -> [PatientsAction] {
        do {
            switch self {
            case let .search(text, limit):
                return [.searchLoaded(query: text, try await client.search(text, limit))]
            case let .loadRecent(user, limit):
                return [.recentLoaded(try await client.recent(user, limit))]
            case let .loadCard(id):
                return [.cardLoaded(id, try await client.card(id))]
            case let .checkDuplicates(details):
                return [.duplicatesChecked(details, try await client.duplicateCandidates(details))]
            case let .register(details, override, user):
                return [.saved(try await client.register(details, override, user), created: true)]
            case let .edit(id, base, edited, user):
                return [.saved(try await client.edit(id, base, edited, user), created: false)]
            case let .recordUseOfExisting(id, user):
                try await client.recordUseOfExisting(id, user)
                return []
            case let .recordRead(id, user):
                try await client.recordRead(id, user)
                return []
            case let .recordAllergy(id, entry, user):
                try await client.recordAllergy(id, entry, user)
                return [.allergyWritten("Recorded the \(entry.severity) allergy to \(entry.substance).")]
            case let .recordNoKnownAllergies(id, user):
                try await client.recordNoKnownAllergies(id, user)
                return [.allergyWritten("Recorded: no known allergies.")]
            case let .recordUnableToAsk(id, reason, user):
                try await client.recordUnableToAsk(id, reason, user)
                return [.allergyWritten("Recorded that allergies could not be asked: \(reason). Ask when the patient can answer.")]
            case let .retractAllergy(allergy, reason, user):
                try await client.retractAllergy(allergy.id, reason, user)
                return [.allergyWritten("Withdrew the allergy to \(allergy.substance); the record keeps it with the reason.")]
            case let .recordMedicine(id, entry, user):
                try await client.recordMedicine(id, entry, user)
                return [.medicineWritten("Recorded \(entry.drug) as taken; the prescribing checks now see it.")]
            case let .stopMedicine(medicine, reason, user):
                try await client.stopMedicine(medicine.id, reason, user)
                return [.medicineWritten("Recorded that \(medicine.drug) is no longer taken; the record keeps it with the reason.")]
            }
        } catch is CancellationError {
            return []
        } catch {
            let failure = DeskError.from(error)
            log("patients: \(logName) failed: \(failure)")
            switch self {
            case .checkDuplicates, .register, .edit, .recordAllergy, .recordNoKnownAllergies, .recordUnableToAsk, .retractAllergy, .recordMedicine, .stopMedicine:
                return [.saveFailed(failure)]
            case .search, .loadRecent, .loadCard, .recordUseOfExisting: return [.loadFailed(failure.description)]
            // Not being able to record the read does not stop the desk; the log says so.
            case .recordRead: return []
            }
        }
    }

    /// A short name for the log (no patient details).
    var logName: String {
        switch self {
        case .search: "search"
        case .loadRecent: "loading recent patients"
        case .loadCard: "loading a card"
        case .recordRead: "recording who opened a card"
        case .checkDuplicates: "duplicate check"
        case .register: "registration"
        case .edit: "saving an edit"
        case .recordUseOfExisting: "recording the duplicate decision"
        case .recordAllergy: "recording an allergy"
        case .recordNoKnownAllergies: "recording no known allergies"
        case .recordUnableToAsk: "recording that allergies could not be asked"
        case .retractAllergy: "withdrawing an allergy"
        case .recordMedicine: "recording a medicine from elsewhere"
        case .stopMedicine: "stopping a medicine from elsewhere"
        }
    }
}

/// An allergy as the card's form records it.
public struct AllergyEntry: Hashable, Sendable {
    public var substance: String
    public var kind: AllergenKind
    public var reaction: String
    public var severity: AllergySeverity

    public init(substance: String, kind: AllergenKind, reaction: String, severity: AllergySeverity) {
        self.substance = substance
        self.kind = kind
        self.reaction = reaction
        self.severity = severity
    }
}
