import ClinicCore
import Foundation
import GRDB

/// A row of `medication`: a medicine taken that was not prescribed here (append-only).
struct MedicationRecord: SyncedRecord {
    static let databaseTableName = "medication"

    var id: String
    var patientID: String
    var drug: String
    var strength: String
    var form: String
    var directions: String
    var note: String
    var recordedAt: String
    var recordedBy: String?
    var supersedesID: String?
    var isStop: Bool
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, drug, strength, form, directions, note, hlc
        case patientID = "patient_id", recordedAt = "recorded_at", recordedBy = "recorded_by"
        case supersedesID = "supersedes_id", isStop = "is_stop"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var medicine: OtherMedicine {
        get throws {
            OtherMedicine(
                id: try EntityID(stored: id), patientID: try EntityID(stored: patientID), drug: drug, strength: strength,
                form: form, directions: directions, note: note,
                recordedAt: ISOInstant.parse(recordedAt) ?? Date(timeIntervalSince1970: 0),
                recordedBy: recordedBy.flatMap(EntityID.init), supersedes: supersedesID.flatMap(EntityID.init),
                isStop: isStop)
        }
    }
}

extension MedicationRecord {
    init(_ medicine: OtherMedicine, createdAt: Date) {
        self.init(
            id: medicine.id.description, patientID: medicine.patientID.description, drug: medicine.drug,
            strength: medicine.strength, form: medicine.form, directions: medicine.directions, note: medicine.note,
            recordedAt: ISOInstant.format(medicine.recordedAt), recordedBy: medicine.recordedBy?.description,
            supersedesID: medicine.supersedes?.description, isStop: medicine.isStop,
            createdAt: ISOInstant.format(createdAt), deletedAt: nil, deleteReason: nil, hlc: "", originDevice: "")
    }
}
