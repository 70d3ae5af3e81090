import ClinicCore
import Foundation
import GRDB

/// What a provider's details must be before they are saved.
enum ProviderRules {
    /// Every problem with the name, specialty and standard slot length.
    static func check(name: String, specialty: Specialty, defaultSlotMinutes: Int) throws {
        var problems: [FieldProblem] = []
        if let problem = NameRule.problem(with: name, label: "provider name") {
            problems.append(FieldProblem(field: "provider name", message: problem))
        }
        if !(5...240).contains(defaultSlotMinutes) {
            problems.append(FieldProblem(field: "slot minutes", message: "A standard slot must be 5 to 240 minutes, not \(defaultSlotMinutes)."))
        }
        if NameRule.tidy(specialty.rawValue).isEmpty {
            problems.append(FieldProblem(field: "specialty", message: "Specialty is required."))
        }
        guard problems.isEmpty else { throw ValidationFailure(problems) }
    }

    /// A provider is linked to an active user whom no other provider is linked to (a user sees
    /// patients as one provider).
    static func checkLink(_ user: EntityID<User>, for provider: EntityID<Provider>?, in db: Database) throws {
        guard let record = try UserRecord.fetchOne(db, key: user.description), record.deletedAt == nil, record.isActive else {
            throw ValidationFailure([FieldProblem(field: "linked user", message: "There is no active user with id \(user).")])
        }
        var others = ProviderRecord.filter(Column("user_id") == user.description && Column("deleted_at") == nil)
        if let provider { others = others.filter(Column("id") != provider.description) }
        if let other = try others.fetchOne(db) {
            throw ValidationFailure([FieldProblem(
                field: "linked user", message: "\(record.username) is already linked to \(other.displayName); a user is one provider.")])
        }
    }
}
