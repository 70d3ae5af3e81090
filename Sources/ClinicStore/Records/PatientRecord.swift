import ClinicCore
import Foundation
import GRDB

/// A row of `patient`.
struct PatientRecord: SyncedRecord, Equatable {
    static let databaseTableName = "patient"
    static let localColumns: Set<String> = ["name_order", "mrn_serial", "search_name", "phone_digits", "last_visit_day"]

    /// Position in name order (see ``PatientNameOrder``); nil until inserted.
    var nameOrder: Int64?
    var id: String
    var mrn: String
    var familyName: String
    var givenName: String
    var sex: String
    var birthDate: String?
    var birthDateEstimated: Bool
    var phone: String?
    var alternatePhone: String?
    var addressLine: String
    var city: String
    var region: String
    var postalCode: String
    var country: String
    var emergencyName: String?
    var emergencyRelationship: String?
    var emergencyPhone: String?
    var allergyStatus: String
    var allergyNote: String
    var mergedInto: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String
    var mrnSerial: Int
    var searchName: String
    var phoneDigits: String
    var lastVisitDay: String?

    enum CodingKeys: String, CodingKey {
        case nameOrder = "name_order", lastVisitDay = "last_visit_day"
        case id, mrn, sex, phone, city, region, country, hlc
        case familyName = "family_name", givenName = "given_name"
        case birthDate = "birth_date", birthDateEstimated = "birth_date_estimated"
        case alternatePhone = "alternate_phone", addressLine = "address_line", postalCode = "postal_code"
        case emergencyName = "emergency_name", emergencyRelationship = "emergency_relationship"
        case emergencyPhone = "emergency_phone", allergyStatus = "allergy_status", mergedInto = "merged_into"
        case allergyNote = "allergy_note"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device", mrnSerial = "mrn_serial", searchName = "search_name"
        case phoneDigits = "phone_digits"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let searchName = Column(CodingKeys.searchName)
        static let mrn = Column(CodingKeys.mrn)
        static let birthDate = Column(CodingKeys.birthDate)
        static let deletedAt = Column(CodingKeys.deletedAt)
        static let mergedInto = Column(CodingKeys.mergedInto)
    }

    /// A new row for `patient`, stamped with `hlc` by `device`.
    init(_ patient: Patient, hlc: HLCTimestamp, device: EntityID<Device>) {
        id = patient.id.description
        mrn = patient.mrn.description
        mrnSerial = patient.mrn.serial
        familyName = ""
        givenName = ""
        sex = Sex.unknown.rawValue
        birthDateEstimated = false
        addressLine = ""
        city = ""
        region = ""
        postalCode = ""
        country = ""
        allergyStatus = patient.allergyStatus.rawValue
        allergyNote = patient.allergyNote
        mergedInto = patient.mergedInto?.description
        createdAt = ISOInstant.format(patient.registeredAt)
        deletedAt = patient.deletion.map { ISOInstant.format($0.at) }
        deleteReason = patient.deletion?.reason
        self.hlc = hlc.description
        originDevice = device.description
        searchName = ""
        phoneDigits = ""
        apply(patient.details)
    }

    /// Overwrites the demographic columns (and the search keys derived from them) with `details`.
    mutating func apply(_ details: PatientDetails) {
        familyName = details.familyName
        givenName = details.givenName
        sex = details.sex.rawValue
        birthDate = details.birthDate?.date.description
        birthDateEstimated = details.birthDate?.isEstimated ?? false
        phone = details.phone?.normalized
        alternatePhone = details.alternatePhone?.normalized
        addressLine = details.address.line
        city = details.address.city
        region = details.address.region
        postalCode = details.address.postalCode
        country = details.address.country
        emergencyName = details.emergencyContact?.name
        emergencyRelationship = details.emergencyContact?.relationship
        emergencyPhone = details.emergencyContact?.phone?.normalized
        searchName = PatientRecord.searchName(family: details.familyName, given: details.givenName)
        phoneDigits = [details.phone, details.alternatePhone].compactMap { $0?.digits }.joined(separator: " ")
    }

    /// The normalised "family given" key that search matches and orders by.
    static func searchName(family: String, given: String) -> String {
        SearchKey.normalize(family + " " + given)
    }

    /// Takes a place in name order before the row is first written.
    mutating func willInsert(_ db: Database) throws {
        nameOrder = try PatientNameOrder.key(searchName: searchName, id: id, in: db)
    }

    /// Moves to a new place in name order when the name changed.
    mutating func willUpdate(from old: PatientRecord, _ db: Database) throws {
        nameOrder = old.nameOrder
        if searchName != old.searchName {
            nameOrder = try PatientNameOrder.key(searchName: searchName, id: id, in: db)
        }
    }

    /// Fetches a patient by id.
    static func find(_ id: String, in db: Database) throws -> PatientRecord? {
        try PatientRecord.filter(Columns.id == id).fetchOne(db)
    }

    /// The patient's details (identifiers are stored in their own table and added by the caller).
    func details(identifiers: [PatientIdentifier]) -> PatientDetails {
        PatientDetails(
            familyName: familyName, givenName: givenName, sex: Sex(rawValue: sex) ?? .unknown,
            birthDate: birthDate.flatMap(CalendarDate.init(iso:)).map { BirthDate(date: $0, isEstimated: birthDateEstimated) },
            phone: phone.flatMap { try? PhoneNumber(parsing: $0) },
            alternatePhone: alternatePhone.flatMap { try? PhoneNumber(parsing: $0) },
            address: Address(line: addressLine, city: city, region: region, postalCode: postalCode, country: country),
            emergencyContact: emergencyName.map {
                EmergencyContact(name: $0, relationship: emergencyRelationship ?? "",
                                 phone: emergencyPhone.flatMap { try? PhoneNumber(parsing: $0) })
            },
            identifiers: identifiers
        )
    }

    func patient(identifiers: [PatientIdentifier]) throws -> Patient {
        Patient(
            id: try EntityID(stored: id), mrn: MRN(mrn) ?? MRN(prefix: "XX", serial: mrnSerial),
            details: details(identifiers: identifiers),
            allergyStatus: AllergyStatus(rawValue: allergyStatus) ?? .notAsked, allergyNote: allergyNote,
            registeredAt: ISOInstant.parse(createdAt) ?? Date(timeIntervalSince1970: 0),
            deletion: deletedAt.flatMap(ISOInstant.parse).map { Deletion(at: $0, reason: deleteReason ?? "") },
            mergedInto: mergedInto.flatMap(EntityID.init)
        )
    }
}

/// A row of `patient_identifier`.
struct PatientIdentifierRecord: SyncedRecord, Equatable {
    static let databaseTableName = "patient_identifier"
    static let localColumns: Set<String> = ["match_key"]

    var id: String
    var patientID: String
    var kind: String
    var value: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String
    var matchKey: String

    enum CodingKeys: String, CodingKey {
        case id, kind, value, hlc
        case patientID = "patient_id", createdAt = "created_at", deletedAt = "deleted_at"
        case deleteReason = "delete_reason", originDevice = "origin_device", matchKey = "match_key"
    }

    var identifier: PatientIdentifier { PatientIdentifier(kind: kind, value: value) }
}
