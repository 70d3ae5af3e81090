public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Adds a service to the price list, or changes one (`editing`). A changed price applies to
    /// new invoice lines only: a line keeps the price it was charged at.
    @discardableResult
    public func savePriceItem(_ draft: PriceItemDraft, editing id: EntityID<PriceItem>? = nil, by author: Author)
        throws(StoreError) -> PriceItem
    {
        try write(.managePrices, by: author) { writer in
            guard let code = PriceItem.normalizedCode(draft.code) else {
                throw StoreError.billing(BillingProblem("A code is 1 to 12 letters, digits or dashes (e.g. CONS-GP)."))
            }
            let name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 80 else { throw StoreError.billing(BillingProblem("A service needs a name of up to 80 characters.")) }
            guard !draft.price.isNegative else { throw StoreError.billing(BillingProblem("A price cannot be negative.")) }
            let clash = try PriceItemRecord.filter(Column("code") == code && Column("deleted_at") == nil
                                                   && Column("id") != (id?.description ?? "")).fetchOne(writer.db)
            if let clash { throw StoreError.billing(BillingProblem("The code \(code) is already “\(clash.name)”.")) }
            if let id {
                guard let old = try PriceItemRecord.fetchOne(writer.db, key: id.description) else {
                    throw StoreError.notFound(what: "price-list entry", id: id.description)
                }
                var record = old
                record.code = code
                record.name = name
                record.category = draft.category.rawValue
                record.priceMinor = draft.price.minor
                record.taxRateBP = draft.taxRate.basisPoints
                record.isActive = draft.isActive
                try writer.update(&record, from: old)
                try writer.audit("price.change", PriceItemRecord.self, record.id, "Changed \(code) in the price list")
                return try record.item
            }
            let item = PriceItem(id: environment.ids.id(), code: code, name: name, category: draft.category, price: draft.price,
                                 taxRate: draft.taxRate, isActive: draft.isActive)
            var record = PriceItemRecord(item, createdAt: ISOInstant.format(writer.now))
            try writer.insert(&record)
            try writer.audit("price.add", PriceItemRecord.self, record.id, "Added \(code) to the price list")
            return item
        }
    }

    /// The price list by category then code; retired entries only when asked for.
    public func priceList(includingRetired: Bool = false) throws(StoreError) -> [PriceItem] {
        try read { db in
            try PriceItemRecord.filter(Column("deleted_at") == nil).fetchAll(db).map { try $0.item }
                .filter { includingRetired || $0.isActive }
                .sorted { (ChargeCategory.allCases.firstIndex(of: $0.category) ?? 0, $0.code)
                    < (ChargeCategory.allCases.firstIndex(of: $1.category) ?? 0, $1.code) }
        }
    }
}
