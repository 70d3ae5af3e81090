import GRDB

/// Keeps `patient.name_order` in the order of (search name, id) so that indexes keyed by it
/// return patients alphabetically without sorting.
///
/// Keys are spread `spacing` apart when loaded in bulk; a new or renamed patient takes the
/// midpoint between its neighbours, and when two neighbours leave no room, a window around
/// them is spread out again (list labelling, as order-maintenance structures do). Written
/// here because no library keeps SQLite rowids in a sort order.
enum PatientNameOrder {
    /// Distance between keys after a bulk load or a re-spread: room for 32 halvings.
    static let spacing: Int64 = 1 << 32

    /// A key that places `(searchName, id)` between its neighbours (`id` itself excluded).
    static func key(searchName: String, id: String, in db: Database) throws -> Int64 {
        for _ in 0..<8 {
            let (lower, upper) = try neighbours(searchName: searchName, id: id, in: db)
            let low = lower ?? 0
            let high = upper ?? (low + 2 * spacing)
            if high - low >= 2 { return low + (high - low) / 2 }
            try respread(around: low, in: db)
        }
        throw StoreError.database("could not find a place for a patient in name order")
    }

    /// Keys of the nearest patients before and after `(searchName, id)` in name order.
    private static func neighbours(searchName: String, id: String, in db: Database) throws -> (Int64?, Int64?) {
        let before = try Int64.fetchOne(db, sql: """
            SELECT name_order FROM patient WHERE (search_name, id) < (?, ?) ORDER BY search_name DESC, id DESC LIMIT 1
            """, arguments: [searchName, id])
        let after = try Int64.fetchOne(db, sql: """
            SELECT name_order FROM patient WHERE (search_name, id) > (?, ?) ORDER BY search_name, id LIMIT 1
            """, arguments: [searchName, id])
        return (before, after)
    }

    /// Spreads the keys of a window of patients around `key` evenly over the room between
    /// the window's outer neighbours, doubling the window until there is room.
    private static func respread(around key: Int64, in db: Database) throws {
        var width = 16
        while true {
            let below = try Int64.fetchAll(db, sql: "SELECT name_order FROM patient WHERE name_order <= ? ORDER BY name_order DESC LIMIT ?",
                                           arguments: [key, width + 1])
            let above = try Int64.fetchAll(db, sql: "SELECT name_order FROM patient WHERE name_order > ? ORDER BY name_order LIMIT ?",
                                           arguments: [key, width + 1])
            let lowerBound = below.count > width ? below[width] : 0
            let upperBound = above.count > width ? above[width] : (above.last ?? key) + 2 * spacing * Int64(width)
            let window = below.prefix(width).reversed() + above.prefix(width)
            let step = (upperBound - lowerBound) / Int64(window.count + 1)
            if step >= 4 || (below.count <= width && above.count <= width) {
                try move(Array(window), from: lowerBound, step: max(step, 4), in: db)
                return
            }
            width *= 2
        }
    }

    /// Renumbers `keys` (ascending) to `from + step`, `from + 2·step`, … without collisions.
    private static func move(_ keys: [Int64], from lowerBound: Int64, step: Int64, in db: Database) throws {
        for (index, key) in keys.enumerated() {
            try db.execute(sql: "UPDATE patient SET name_order = ? WHERE name_order = ?", arguments: [-(Int64(index) + 1), key])
        }
        for index in keys.indices {
            try db.execute(sql: "UPDATE patient SET name_order = ? WHERE name_order = ?",
                           arguments: [lowerBound + step * (Int64(index) + 1), -(Int64(index) + 1)])
        }
    }
}
