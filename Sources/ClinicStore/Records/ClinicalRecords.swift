import ClinicCore
import Foundation
import GRDB

/// A row of `allergy` (append-only).
struct AllergyRecord: SyncedRecord {
    static let databaseTableName = "allergy"

    var id: String
    var patientID: String
    var substance: String
    var substanceKind: String
    var reaction: String
    var severity: String
    var recordedAt: String
    var recordedBy: String?
    var supersedesID: String?
    var isRetraction: Bool
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, substance, reaction, severity, hlc
        case patientID = "patient_id", substanceKind = "substance_kind", recordedAt = "recorded_at"
        case recordedBy = "recorded_by", supersedesID = "supersedes_id", isRetraction = "is_retraction"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var allergy: Allergy {
        get throws {
            Allergy(
                id: try EntityID(stored: id), patientID: try EntityID(stored: patientID), substance: substance,
                substanceKind: AllergenKind(rawValue: substanceKind) ?? .other, reaction: reaction,
                severity: AllergySeverity(rawValue: severity) ?? .unknown,
                recordedAt: ISOInstant.parse(recordedAt) ?? Date(timeIntervalSince1970: 0),
                recordedBy: recordedBy.flatMap(EntityID.init), supersedes: supersedesID.flatMap(EntityID.init),
                isRetraction: isRetraction
            )
        }
    }
}

/// A row of `prescription` (append-only; items in `prescription_item`).
struct PrescriptionRecord: SyncedRecord {
    static let databaseTableName = "prescription"

    var id: String
    var patientID: String
    var prescriberID: String
    var visitID: String?
    var instructions: String
    var signedAt: String
    var verificationCode: String
    var supersedesID: String?
    var supersedeReason: String?
    var isCancellation = false
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, instructions, hlc
        case patientID = "patient_id", prescriberID = "prescriber_id", visitID = "visit_id"
        case signedAt = "signed_at", verificationCode = "verification_code", supersedesID = "supersedes_id"
        case supersedeReason = "supersede_reason", isCancellation = "is_cancellation"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    func prescription(items: [PrescriptionItem], overrides: [AlertOverride] = []) throws -> Prescription {
        Prescription(
            id: try EntityID(stored: id), patientID: try EntityID(stored: patientID),
            prescriberID: try EntityID(stored: prescriberID),
            visitID: visitID.flatMap(EntityID.init), items: items, instructions: instructions,
            signedAt: ISOInstant.parse(signedAt) ?? Date(timeIntervalSince1970: 0),
            verificationCode: verificationCode, supersedes: supersedesID.flatMap(EntityID.init),
            supersedeReason: supersedeReason, isCancellation: isCancellation, overrides: overrides
        )
    }
}

/// A row of `prescription_item`.
struct PrescriptionItemRecord: SyncedRecord {
    static let databaseTableName = "prescription_item"

    var id: String
    var prescriptionID: String
    var position: Int
    var drug: String
    var strength: String
    var form: String
    var dose: String
    var route: String
    var frequency: String
    var durationDays: Int?
    var quantity: String
    var refills: Int
    var sig: String
    var validUntil: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, position, drug, strength, form, dose, route, frequency, quantity, refills, sig, hlc
        case prescriptionID = "prescription_id", durationDays = "duration_days", validUntil = "valid_until"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var item: PrescriptionItem {
        get throws {
            PrescriptionItem(id: try EntityID(stored: id), line: PrescriptionLine(
                drug: drug, strength: strength, form: form, dose: dose, route: route, frequency: frequency,
                durationDays: durationDays, quantity: quantity, refills: refills, sig: sig,
                validUntil: validUntil.flatMap(CalendarDate.init(iso:))))
        }
    }
}

/// A row of `prescription_alert`: an alert raised when the prescription was signed, with the
/// prescriber's reason for signing over it.
struct PrescriptionAlertRecord: SyncedRecord {
    static let databaseTableName = "prescription_alert"

    var id: String
    var prescriptionID: String
    var position: Int
    var kind: String
    var severity: String
    /// The drugs involved, one per line.
    var drugs: String
    var message: String
    var advice: String
    var overrideReason: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, position, kind, severity, drugs, message, advice, hlc
        case prescriptionID = "prescription_id", overrideReason = "override_reason"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var override: AlertOverride {
        AlertOverride(
            alert: PrescribingAlert(
                kind: AlertKind(rawValue: kind) ?? .unknownDrug, severity: AlertSeverity(rawValue: severity) ?? .warning,
                drugs: drugs.split(separator: "\n").map(String.init), message: message, advice: advice),
            reason: overrideReason)
    }
}
