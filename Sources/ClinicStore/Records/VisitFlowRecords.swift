import ClinicCore
import Foundation
import GRDB

/// A row of `station`.
struct StationRecord: SyncedRecord {
    static let databaseTableName = "station"

    var id: String
    var name: String
    var kind: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, name, kind, hlc
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var station: Station {
        get throws { Station(id: try EntityID(stored: id), name: name, kind: StationKind(rawValue: kind) ?? .other) }
    }
}

/// A row of `visit_hop` (append-only): a visit sent on to another provider or station.
struct VisitHopRecord: SyncedRecord {
    static let databaseTableName = "visit_hop"

    var id: String
    var visitID: String
    var fromPlace: String
    var toPlace: String
    var toProviderID: String?
    var toStation: String?
    var note: String
    var hoppedAt: String
    var hoppedBy: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, note, hlc
        case visitID = "visit_id", fromPlace = "from_place", toPlace = "to_place", toProviderID = "to_provider_id"
        case toStation = "to_station", hoppedAt = "hopped_at", hoppedBy = "hopped_by"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var hop: VisitHop {
        get throws {
            VisitHop(id: try EntityID(stored: id), visitID: try EntityID(stored: visitID), from: fromPlace, to: toPlace, note: note,
                     at: ISOInstant.parse(hoppedAt) ?? Date(timeIntervalSince1970: 0), by: hoppedBy.flatMap(EntityID.init))
        }
    }
}

/// A row of `triage` (append-only; a correction supersedes).
struct TriageRecord: SyncedRecord {
    static let databaseTableName = "triage"

    var id: String
    var visitID: String
    var patientID: String
    var systolic: Int?
    var diastolic: Int?
    var pulse: Int?
    var temperatureTenths: Int?
    var respiratoryRate: Int?
    var oxygenSaturation: Int?
    var weightGrams: Int?
    var heightMillimetres: Int?
    var note: String
    var priority: String
    var recordedAt: String
    var recordedBy: String
    var supersedesID: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, systolic, diastolic, pulse, note, priority, hlc
        case visitID = "visit_id", patientID = "patient_id", temperatureTenths = "temperature_tenths"
        case respiratoryRate = "respiratory_rate", oxygenSaturation = "oxygen_saturation", weightGrams = "weight_grams"
        case heightMillimetres = "height_mm", recordedAt = "recorded_at", recordedBy = "recorded_by"
        case supersedesID = "supersedes_id"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    init(_ triage: Triage) {
        id = triage.id.description
        visitID = triage.visitID.description
        patientID = triage.patientID.description
        let vitals = triage.vitals
        systolic = vitals.systolic
        diastolic = vitals.diastolic
        pulse = vitals.pulse
        temperatureTenths = vitals.temperatureTenths
        respiratoryRate = vitals.respiratoryRate
        oxygenSaturation = vitals.oxygenSaturation
        weightGrams = vitals.weightGrams
        heightMillimetres = vitals.heightMillimetres
        note = triage.note
        priority = triage.priority.rawValue
        recordedAt = ISOInstant.format(triage.recordedAt)
        recordedBy = triage.recordedBy
        supersedesID = triage.supersedes?.description
        createdAt = recordedAt
    }

    var triage: Triage {
        get throws {
            Triage(
                id: try EntityID(stored: id), visitID: try EntityID(stored: visitID), patientID: try EntityID(stored: patientID),
                vitals: VitalSigns(systolic: systolic, diastolic: diastolic, pulse: pulse, temperatureTenths: temperatureTenths,
                                   respiratoryRate: respiratoryRate, oxygenSaturation: oxygenSaturation,
                                   weightGrams: weightGrams, heightMillimetres: heightMillimetres),
                note: note, priority: QueuePriority(rawValue: priority) ?? .normal,
                recordedAt: ISOInstant.parse(recordedAt) ?? Date(timeIntervalSince1970: 0), recordedBy: recordedBy,
                supersedes: supersedesID.flatMap(EntityID.init))
        }
    }
}

/// A row of `consultation_note` (append-only; an amendment supersedes).
struct ConsultationNoteRecord: SyncedRecord {
    static let databaseTableName = "consultation_note"

    var id: String
    var visitID: String
    var patientID: String
    var authorID: String?
    var authorName: String
    var writtenAt: String
    var complaint: String
    var findings: String
    var assessment: String
    var plan: String
    var supersedesID: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, complaint, findings, assessment, plan, hlc
        case visitID = "visit_id", patientID = "patient_id", authorID = "author_id", authorName = "author_name"
        case writtenAt = "written_at", supersedesID = "supersedes_id"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    init(_ note: ConsultationNote) {
        id = note.id.description
        visitID = note.visitID.description
        patientID = note.patientID.description
        authorID = note.authorID?.description
        authorName = note.authorName
        writtenAt = ISOInstant.format(note.writtenAt)
        complaint = note.content.complaint
        findings = note.content.findings
        assessment = note.content.assessment
        plan = note.content.plan
        supersedesID = note.supersedes?.description
        createdAt = writtenAt
    }

    var note: ConsultationNote {
        get throws {
            ConsultationNote(
                id: try EntityID(stored: id), visitID: try EntityID(stored: visitID), patientID: try EntityID(stored: patientID),
                authorID: authorID.flatMap(EntityID.init), authorName: authorName,
                writtenAt: ISOInstant.parse(writtenAt) ?? Date(timeIntervalSince1970: 0),
                content: NoteContent(complaint: complaint, findings: findings, assessment: assessment, plan: plan),
                supersedes: supersedesID.flatMap(EntityID.init))
        }
    }
}

/// A row of `waitlist_entry`.
struct WaitlistRecord: SyncedRecord {
    static let databaseTableName = "waitlist_entry"

    var id: String
    var patientID: String
    var providerID: String?
    var earliest: String
    var latest: String?
    /// Comma-separated times of day (`morning,evening`); empty for any.
    var times: String
    var note: String
    var addedAt: String
    var closedAt: String?
    var closedReason: String?
    var appointmentID: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, earliest, latest, times, note, hlc
        case patientID = "patient_id", providerID = "provider_id", addedAt = "added_at", closedAt = "closed_at"
        case closedReason = "closed_reason", appointmentID = "appointment_id"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    func entry(patientName: String, mrn: String) throws -> WaitlistEntry {
        WaitlistEntry(
            id: try EntityID(stored: id), patientID: try EntityID(stored: patientID), patientName: patientName,
            patientMRN: MRN(mrn) ?? MRN(prefix: "XX", serial: 0),
            providerID: providerID.flatMap(EntityID.init), earliest: CalendarDate(iso: earliest) ?? CalendarDate(daysSinceEpoch: 0),
            latest: latest.flatMap(CalendarDate.init(iso:)),
            times: Set(times.split(separator: ",").compactMap { TimeOfDay(rawValue: String($0)) }), note: note,
            addedAt: ISOInstant.parse(addedAt) ?? Date(timeIntervalSince1970: 0), closedAt: closedAt.flatMap(ISOInstant.parse))
    }
}
