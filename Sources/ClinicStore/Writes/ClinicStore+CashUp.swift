public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// A day's takings at a till (this device unless named), for one user (by username) or all.
    public func cashUp(on day: CalendarDate, till: String? = nil, user: String? = nil, currency: Currency)
        throws(StoreError) -> CashUp
    {
        try read { db in
            let till = try till ?? (String.fetchOne(db, sql: "SELECT mrn_prefix FROM local_device") ?? "?")
            return try Self.takings(on: day, till: till, user: user, currency: currency, db)
        }
    }

    /// The day's payments and counts at `till` (for one username, or all), in one read.
    static func takings(on day: CalendarDate, till: String, user: String?, currency: Currency, _ db: Database) throws -> CashUp {
        var payments = PaymentRecord.filter(Column("day") == day.description && Column("device") == till && Column("deleted_at") == nil)
        var counts = CashCountRecord.filter(Column("day") == day.description && Column("device") == till && Column("deleted_at") == nil)
        if let user {
            payments = payments.filter(Column("taken_by_name") == user)
            counts = counts.filter(Column("user_name") == user)
        }
        return CashUp(day: day, device: till, userName: user, currency: currency,
                      entries: try payments.fetchAll(db).map { try $0.payment },
                      counts: try counts.fetchAll(db).map { try $0.count })
    }

    /// Records the cash counted in the drawer at the end of `day` against what the day's
    /// payments say should be there; a difference needs a note. A recount is a new entry.
    @discardableResult
    public func recordCashCount(on day: CalendarDate, counted: Money, note: String, currency: Currency, by author: Author)
        throws(StoreError) -> CashCount
    {
        try write(.takePayments, by: author) { writer in
            // Read inside the write, so a payment taken a moment before counts.
            let till = try writer.tillName()
            let cash = try Self.takings(on: day, till: till, user: author.name, currency: currency, writer.db).expectedCash.minor
            let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !counted.isNegative else { throw StoreError.billing(BillingProblem("A count cannot be negative.")) }
            if counted.minor != cash, note.isEmpty {
                throw StoreError.billing(BillingProblem(
                    "The drawer is \(currency.format(Money(minor: counted.minor - cash))) against the "
                        + "\(currency.format(Money(minor: cash))) expected; add a note that explains it."))
            }
            let count = CashCount(id: environment.ids.id(), day: day, device: till, userID: author.userID, userName: author.name,
                                  currency: currency, expected: Money(minor: cash), counted: counted,
                                  note: String(note.prefix(200)), countedAt: writer.now)
            var record = CashCountRecord(count)
            try writer.insert(&record)
            let difference = count.difference
            try writer.audit("cashup.count", CashCountRecord.self, record.id,
                             "Counted \(currency.format(counted)) for \(day) (\(difference.isZero ? "as expected" : "difference \(currency.format(difference))"))")
            return count
        }
    }
}
