public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Saves a provider's name, specialty, standard slot length and linked user as `edited`
    /// says (matched by its id): one change row per field that differs, and one audit event
    /// naming each changed field with its old and new value. Nothing changed, nothing written.
    @discardableResult
    public func editProvider(_ edited: Provider, by author: Author) throws(StoreError) -> Provider {
        try write(.manageSchedules, by: author) { writer in
            guard let old = try ProviderRecord.fetchOne(writer.db, key: edited.id.description), old.deletedAt == nil else {
                throw StoreError.notFound(what: "provider", id: edited.id.description)
            }
            let name = NameRule.tidy(edited.displayName)
            let specialty = NameRule.tidy(edited.specialty.rawValue)
            try ProviderRules.check(name: name, specialty: Specialty(rawValue: specialty), defaultSlotMinutes: edited.defaultSlotMinutes)
            if let user = edited.userID { try ProviderRules.checkLink(user, for: edited.id, in: writer.db) }
            var record = old
            record.displayName = name
            record.specialty = specialty
            record.defaultSlotMinutes = edited.defaultSlotMinutes
            record.userID = edited.userID?.description
            let changed = try writer.update(&record, from: old)
            guard !changed.isEmpty else { return try old.provider }
            var parts: [String] = []
            if old.displayName != name { parts.append("name \(old.displayName) → \(name)") }
            if old.specialty != specialty { parts.append("specialty \(old.specialty) → \(specialty)") }
            if old.defaultSlotMinutes != edited.defaultSlotMinutes {
                parts.append("slot \(old.defaultSlotMinutes) → \(edited.defaultSlotMinutes) min")
            }
            if old.userID != record.userID {
                parts.append("linked user \(try username(old.userID, in: writer.db)) → \(try username(record.userID, in: writer.db))")
            }
            try writer.audit("provider.edit", ProviderRecord.self, record.id, "Edited provider \(name): \(parts.joined(separator: ", "))")
            return try record.provider
        }
    }

    /// Withdraws a holiday or leave (recorded by mistake, or plans changed): the row is kept,
    /// marked removed with the reason, and its time can be booked again.
    public func withdrawScheduleException(_ id: EntityID<ScheduleException>, reason: String, by author: Author) throws(StoreError) {
        try write(.manageSchedules, by: author) { writer in
            let reason = try Reasons.required(reason, field: "reason")
            guard var record = try ScheduleExceptionRecord.fetchOne(writer.db, key: id.description), record.deletedAt == nil,
                  let exception = try record.exception
            else {
                throw StoreError.notFound(what: "holiday or leave", id: id.description)
            }
            let whose = try exception.providerID.map { id throws in try activeProvider(id, in: writer.db).displayName } ?? "the clinic"
            try writer.softDelete(&record, reason: reason)
            try writer.audit("schedule.exception-withdraw", ScheduleExceptionRecord.self, record.id,
                             "Withdrew \(exception.when) for \(whose) (\(exception.reason)): \(reason)")
        }
    }

    private func username(_ id: String?, in db: Database) throws -> String {
        guard let id else { return "none" }
        return try UserRecord.fetchOne(db, key: id)?.username ?? id
    }
}
