public import ClinicCore
public import TerminalKit

/// Patient lookup: a search box and its results, or the card or form opened from them.
public struct PatientsState: Hashable, Sendable {
    public var query = TextFieldState()
    public var results: [PatientSummary] = []
    public var list = ListState()
    /// How many results to ask for; grows when paging past the end.
    public var limit = PatientsState.pageSize
    /// True while the box is empty and the list shows the user's recent patients.
    public var showingRecent = true
    /// The query the results belong to (results for older queries are dropped).
    public var resultsQuery = ""
    public var card: CardState?
    /// The cards whose opening was audited in this sign-in, so each is audited once.
    public var readAudited: Set<EntityID<Patient>> = []
    public var form: RegistrationState?
    /// Patients whose card was opened in this session, most recent first: "recent" and
    /// "recall last" include a card just opened, not only patients written to.
    public var opened: [PatientSummary] = []
    /// The patients the store says this user last worked on (registered, edited, checked in).
    public var storeRecent: [PatientSummary] = []
    /// The patient whose card is loading to be edited.
    public var editAfterLoading: EntityID<Patient>?
    /// While another pane waits for a patient (booking a slot): what for. The next card
    /// opened — from the results, a recall, a new registration — is the patient chosen.
    public var choosing: String?

    public static let pageSize = 20
    /// How many recent patients the empty search box lists.
    public static let recentCount = 10

    public init() {}

    /// The selected result, if any.
    public var selected: PatientSummary? {
        guard let index = list.selected, results.indices.contains(index) else { return nil }
        return results[index]
    }

    /// The patient the user is looking at here: the open card's, else the selected result.
    public var lookedAt: PatientRef? {
        if let card { return card.card.map { PatientRef(id: $0.patient.id, name: $0.patient.displayName, mrn: $0.patient.mrn) } }
        if form != nil { return nil }
        return selected.map { PatientRef(id: $0.id, name: $0.displayName, mrn: $0.mrn) }
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

/// The registration or edit form.
public struct RegistrationState: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case register
        /// Editing a patient; `base` is what the form was opened with.
        case edit(EntityID<Patient>, base: PatientDetails)
    }

    public var mode: Mode
    public var form: FormState
    /// The values the form opened with, to tell whether leaving would lose anything.
    public var initialValues: [String]
    /// Problems by field index, shown next to the fields.
    public var errors: [Int: String] = [:]
    public var isSaving = false
    /// The details last sent to be saved (an edit that meets a conflict is decided from them).
    public var submitted: PatientDetails?

    public init(mode: Mode, form: FormState) {
        self.mode = mode
        self.form = form
        initialValues = form.values.map(\.text)
    }

    public var isEditing: Bool {
        if case .edit = mode { return true }
        return false
    }

    /// Whether anything was typed since the form opened.
    public var isChanged: Bool { form.values.map(\.text) != initialValues }
}

/// The modals of patient lookup.
public enum PatientsModal: Hashable, Sendable {
    /// Possible duplicates of a patient about to be registered.
    case duplicates(DuplicateState)
    /// An edit that met someone else's change to the same fields.
    case editConflict(EditConflictState)
    /// Recording an allergy of the patient on the card.
    case allergy(EntityID<Patient>, FormDialog)
    /// Which recorded allergy to withdraw.
    case retractChoice(EntityID<Patient>, [Allergy], ChoiceDialog)
    /// Why it is withdrawn.
    case retractReason(Allergy, FormDialog)
    /// Why the patient's allergies could not be asked.
    case unableToAsk(EntityID<Patient>, FormDialog)
    /// Recording a medicine taken that was not prescribed here.
    case medicine(EntityID<Patient>, FormDialog)
    /// Which medicine from elsewhere is no longer taken.
    case stopChoice(EntityID<Patient>, [OtherMedicine], ChoiceDialog)
    /// Why it is no longer taken.
    case stopReason(OtherMedicine, FormDialog)
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

/// The edit-conflict dialog: each clashing field with both values, and the person's choice.
public struct EditConflictState: Hashable, Sendable {
    public enum Choice: Hashable, Sendable {
        case mine
        case theirs
    }

    public var patientID: EntityID<Patient>
    /// What the form was opened with.
    public var base: PatientDetails
    /// What the person tried to save.
    public var edited: PatientDetails
    public var conflict: EditConflict
    public var choices: [EditableField: Choice] = [:]
    public var list = ListState()
    /// Shown when saving before every field has a choice.
    public var problem: String?
    public var isSaving = false

    public init(patientID: EntityID<Patient>, base: PatientDetails, edited: PatientDetails, conflict: EditConflict) {
        self.patientID = patientID
        self.base = base
        self.edited = edited
        self.conflict = conflict
    }

    /// The field under the cursor.
    public var selectedField: EditableField? {
        guard let index = list.selected, conflict.fields.indices.contains(index) else { return nil }
        return conflict.fields[index].field
    }

    /// Fields still without a choice.
    public var undecided: [EditableField] {
        conflict.fields.map(\.field).filter { choices[$0] == nil }
    }
}
