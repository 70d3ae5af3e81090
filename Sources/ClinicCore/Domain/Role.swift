/// What a member of staff is at the clinic; decides what they may do.
public enum Role: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case admin
    case receptionist
    case doctor
    case nurse

    public var description: String { rawValue }

    /// Parses a role name case-insensitively.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}

/// Something a user may or may not be allowed to do.
public enum Permission: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case registerPatient = "register patients"
    case editPatient = "edit patient details"
    case bookAppointment = "book appointments"
    case overbook = "overbook a slot with problems"
    case checkIn = "check patients in"
    case callPatient = "call patients in"
    case recordAllergy = "record allergies"
    case recordMedicines = "record the medicines a patient takes"
    case triage = "record triage"
    case writeClinicalNotes = "write consultation notes"
    case prescribe = "prescribe"
    case viewClinicalNotes = "see clinical notes"
    case manageSchedules = "manage providers and schedules"
    case manageUsers = "manage users"
    case resolveConflicts = "resolve sync conflicts"
    case enrollDevice = "enroll this device with a sync server"
    case readAudit = "read the audit trail"
    case takePayments = "take payments"
    case addCharges = "add charges to invoices"
    case adjustBills = "give discounts, refunds and voids"
    case managePrices = "manage the price list"
    case exportRecords = "export or import patient records in bulk"
    case viewReports = "see the clinic's reports"
    case mergePatients = "look for and merge duplicate patient records"

    public var description: String { rawValue }
}

/// Who may do what, as data: one row per role.
///
/// Front-desk staff handle people and bookings; clinicians see and write clinical
/// data; only admins manage users and schedules. Admins deliberately cannot
/// prescribe or read clinical notes: administration is not a clinical role.
public enum PermissionMatrix {
    public static let grants: [Role: Set<Permission>] = [
        .admin: [
            .registerPatient, .editPatient, .bookAppointment, .overbook, .checkIn,
            .manageSchedules, .manageUsers, .resolveConflicts, .enrollDevice, .readAudit,
            .takePayments, .addCharges, .adjustBills, .managePrices, .exportRecords, .viewReports, .mergePatients,
        ],
        .receptionist: [.registerPatient, .editPatient, .bookAppointment, .checkIn, .takePayments, .addCharges],
        .doctor: [
            .editPatient, .bookAppointment, .overbook, .checkIn, .callPatient, .recordAllergy, .recordMedicines, .triage,
            .prescribe, .viewClinicalNotes, .writeClinicalNotes, .resolveConflicts, .addCharges, .viewReports,
        ],
        .nurse: [
            .registerPatient, .editPatient, .bookAppointment, .checkIn, .callPatient,
            .recordAllergy, .recordMedicines, .triage, .viewClinicalNotes,
        ],
    ]

    /// Whether `role` may do `permission`.
    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        grants[role, default: []].contains(permission)
    }
}

extension Role {
    /// Whether this role may do `permission`.
    public func may(_ permission: Permission) -> Bool {
        PermissionMatrix.allows(self, permission)
    }
}
