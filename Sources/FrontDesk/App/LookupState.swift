public import ClinicCore
public import TerminalKit

/// The patient lookup pane: a search box, its results, and the card or form opened from them.
public struct LookupState: Hashable, Sendable {
    public var query = TextFieldState()
    public var results: [PatientSummary] = []
    public var list = ListState()
    /// How many results to ask for; grows when paging past the end.
    public var limit = LookupState.pageSize
    /// True while the box is empty and the list shows the user's recent patients.
    public var showingRecent = true
    /// The query the results belong to (results for older queries are dropped).
    public var resultsQuery = ""
    public var card: CardState?
    public var form: RegistrationState?

    public static let pageSize = 20

    public init() {}

    /// The selected result, if any.
    public var selected: PatientSummary? {
        guard let index = list.selected, results.indices.contains(index) else { return nil }
        return results[index]
    }
}

/// The patient card.
public struct CardState: Hashable, Sendable {
    public var patientID: EntityID<Patient>
    public var card: PatientCard?
    public var scroll = 0

    public init(patientID: EntityID<Patient>) {
        self.patientID = patientID
    }
}

/// The registration or edit form, with its duplicate check.
public struct RegistrationState: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case register
        case edit(EntityID<Patient>, base: PatientDetails)
    }

    public var mode: Mode
    public var form: FormState
    /// Problems by field index, shown next to the fields.
    public var errors: [Int: String] = [:]
    public var isSaving = false
    public var duplicates: DuplicateState?

    public init(mode: Mode, form: FormState) {
        self.mode = mode
        self.form = form
    }

    public var isEditing: Bool {
        if case .edit = mode { return true }
        return false
    }
}

/// The duplicate-check dialog: candidates, and the reason when registering anyway.
public struct DuplicateState: Hashable, Sendable {
    public var details: PatientDetails
    public var candidates: [DuplicateCandidate]
    public var list = ListState()
    /// Shown once "register anyway" was chosen: the reason is required.
    public var reason: TextFieldState?
    public var reasonError: String?

    public init(details: PatientDetails, candidates: [DuplicateCandidate]) {
        self.details = details
        self.candidates = candidates
    }
}
