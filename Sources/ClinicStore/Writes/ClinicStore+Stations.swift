public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Adds a place patients can be sent on to (nurse, lab, pharmacy…).
    @discardableResult
    public func createStation(name: String, kind: StationKind, by author: Author) throws(StoreError) -> Station {
        try write(.manageSchedules, by: author) { writer in
            let name = NameRule.tidy(name)
            guard !name.isEmpty, name.count <= 40 else {
                throw ValidationFailure([FieldProblem(field: "station", message: "A station's name is 1–40 characters.")])
            }
            let taken = try StationRecord.filter(Column("name") == name && Column("deleted_at") == nil).fetchCount(writer.db)
            guard taken == 0 else { throw StoreError.alreadyExists("There is already a station called “\(name)”.") }
            let station = Station(id: environment.ids.id(), name: name, kind: kind)
            var record = StationRecord(id: station.id.description, name: name, kind: kind.rawValue, createdAt: ISOInstant.format(writer.now))
            try writer.insert(&record)
            try writer.audit("station.create", StationRecord.self, record.id, "Added the \(kind) station \(name)")
            return station
        }
    }

    /// The clinic's stations, by name.
    public func stations() throws(StoreError) -> [Station] {
        try read { db in
            try StationRecord.filter(Column("deleted_at") == nil).order(Column("name")).fetchAll(db).map { try $0.station }
        }
    }

    /// Sets the room a user calls patients to unless they name another (their own, or any user's for an admin).
    public func setDefaultRoom(_ room: String, of user: EntityID<User>, by author: Author) throws(StoreError) {
        try write(author.userID == user ? nil : .manageUsers, by: author) { writer in
            guard let old = try UserRecord.fetchOne(writer.db, key: user.description), old.deletedAt == nil else {
                throw StoreError.notFound(what: "user", id: user.description)
            }
            let room = NameRule.tidy(room)
            guard room.count <= 40 else {
                throw ValidationFailure([FieldProblem(field: "room", message: "A room's name is at most 40 characters.")])
            }
            var record = old
            record.defaultRoom = room.isEmpty ? nil : room
            try writer.update(&record, from: old)
            try writer.audit("user.default-room", UserRecord.self, record.id,
                             room.isEmpty ? "Cleared the default room of \(old.username)" : "Default room of \(old.username): \(room)")
        }
    }
}
