import ClinicCore
import Foundation
import GRDB

/// A row of `price_item` (the one billing table whose rows are edited: an admin changes a price).
struct PriceItemRecord: SyncedRecord {
    static let databaseTableName = "price_item"

    var id: String
    var code: String
    var name: String
    var category: String
    var priceMinor: Int
    var taxRateBP: Int
    var isActive: Bool
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, code, name, category, hlc
        case priceMinor = "price_minor", taxRateBP = "tax_rate_bp", isActive = "is_active"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    init(_ item: PriceItem, createdAt: String) {
        id = item.id.description
        code = item.code
        name = item.name
        category = item.category.rawValue
        priceMinor = item.price.minor
        taxRateBP = item.taxRate.basisPoints
        isActive = item.isActive
        self.createdAt = createdAt
    }

    var item: PriceItem {
        get throws {
            PriceItem(id: try EntityID(stored: id), code: code, name: name, category: ChargeCategory(rawValue: category) ?? .other,
                      price: Money(minor: priceMinor), taxRate: Rate(basisPoints: taxRateBP), isActive: isActive)
        }
    }
}

/// A row of `invoice` (append-only).
struct InvoiceRecord: SyncedRecord {
    static let databaseTableName = "invoice"

    var id: String
    var patientID: String
    var visitID: String?
    var currency: String
    var openedAt: String
    var openedBy: String
    /// The clinic's date the invoice was opened, for the day's list.
    var day: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, currency, day, hlc
        case patientID = "patient_id", visitID = "visit_id", openedAt = "opened_at", openedBy = "opened_by"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    init(_ invoice: Invoice, day: CalendarDate) {
        id = invoice.id.description
        patientID = invoice.patientID.description
        visitID = invoice.visitID?.description
        currency = invoice.currency.code
        openedAt = ISOInstant.format(invoice.openedAt)
        openedBy = invoice.openedBy
        self.day = day.description
        createdAt = openedAt
    }

    var invoice: Invoice {
        get throws {
            guard let currency = Currency(code: currency) else { throw MalformedStoredValue(kind: "invoice \(id) currency", text: currency) }
            return Invoice(id: try EntityID(stored: id), patientID: try EntityID(stored: patientID),
                           visitID: visitID.flatMap(EntityID.init), currency: currency,
                           openedAt: ISOInstant.parse(openedAt) ?? Date(timeIntervalSince1970: 0), openedBy: openedBy)
        }
    }
}

/// A row of `invoice_line` (append-only).
struct InvoiceLineRecord: SyncedRecord {
    static let databaseTableName = "invoice_line"

    var id: String
    var invoiceID: String
    var kind: String
    var code: String
    var name: String
    var category: String
    var quantity: Int
    var unitPriceMinor: Int
    var taxRateBP: Int
    var targetLineID: String?
    var reason: String
    var addedAt: String
    var addedBy: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, kind, code, name, category, quantity, reason, hlc
        case invoiceID = "invoice_id", unitPriceMinor = "unit_price_minor", taxRateBP = "tax_rate_bp"
        case targetLineID = "target_line_id", addedAt = "added_at", addedBy = "added_by"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    init(_ line: InvoiceLine) {
        id = line.id.description
        invoiceID = line.invoiceID.description
        kind = line.kind.rawValue
        code = line.code
        name = line.name
        category = line.category.rawValue
        quantity = line.quantity
        unitPriceMinor = line.unitPrice.minor
        taxRateBP = line.taxRate.basisPoints
        targetLineID = line.target?.description
        reason = line.reason
        addedAt = ISOInstant.format(line.addedAt)
        addedBy = line.addedBy
        createdAt = addedAt
    }

    var line: InvoiceLine {
        get throws {
            guard let kind = InvoiceLine.Kind(rawValue: kind) else { throw MalformedStoredValue(kind: "invoice line \(id) kind", text: kind) }
            return InvoiceLine(
                id: try EntityID(stored: id), invoiceID: try EntityID(stored: invoiceID), kind: kind, code: code, name: name,
                category: ChargeCategory(rawValue: category) ?? .other, quantity: quantity, unitPrice: Money(minor: unitPriceMinor),
                taxRate: Rate(basisPoints: taxRateBP), target: targetLineID.flatMap(EntityID.init), reason: reason,
                addedAt: ISOInstant.parse(addedAt) ?? Date(timeIntervalSince1970: 0), addedBy: addedBy)
        }
    }
}

/// A row of `payment` (append-only; a refund or void is a new row naming the payment).
struct PaymentRecord: SyncedRecord {
    static let databaseTableName = "payment"

    var id: String
    var invoiceID: String
    var patientID: String
    var kind: String
    var method: String
    var amountMinor: Int
    var tenderedMinor: Int?
    var reference: String
    var payer: String
    var policyNumber: String
    var refundOfID: String?
    var reason: String
    var receiptNumber: String
    var day: String
    var takenAt: String
    var takenBy: String?
    var takenByName: String
    var device: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, kind, method, reference, payer, reason, day, device, hlc
        case invoiceID = "invoice_id", patientID = "patient_id", amountMinor = "amount_minor", tenderedMinor = "tendered_minor"
        case policyNumber = "policy_number", refundOfID = "refund_of_id", receiptNumber = "receipt_number"
        case takenAt = "taken_at", takenBy = "taken_by", takenByName = "taken_by_name"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    init(_ payment: Payment, day: CalendarDate) {
        id = payment.id.description
        invoiceID = payment.invoiceID.description
        patientID = payment.patientID.description
        kind = payment.kind.rawValue
        method = payment.method.rawValue
        amountMinor = payment.amount.minor
        tenderedMinor = payment.tendered?.minor
        reference = payment.reference
        payer = payment.payer
        policyNumber = payment.policyNumber
        refundOfID = payment.refundOf?.description
        reason = payment.reason
        receiptNumber = payment.receipt.description
        self.day = day.description
        takenAt = ISOInstant.format(payment.takenAt)
        takenBy = payment.takenBy?.description
        takenByName = payment.takenByName
        device = payment.device
        createdAt = takenAt
    }

    var payment: Payment {
        get throws {
            guard let kind = Payment.Kind(rawValue: kind), let method = PaymentMethod(rawValue: method) else {
                throw MalformedStoredValue(kind: "payment \(id) kind or method", text: "\(kind)/\(method)")
            }
            guard let receipt = ReceiptNumber(receiptNumber) else {
                throw MalformedStoredValue(kind: "payment \(id) receipt number", text: receiptNumber)
            }
            return Payment(
                id: try EntityID(stored: id), invoiceID: try EntityID(stored: invoiceID), patientID: try EntityID(stored: patientID),
                kind: kind, method: method, amount: Money(minor: amountMinor), tendered: tenderedMinor.map(Money.init(minor:)),
                reference: reference, payer: payer, policyNumber: policyNumber, refundOf: refundOfID.flatMap(EntityID.init),
                reason: reason, receipt: receipt, takenAt: ISOInstant.parse(takenAt) ?? Date(timeIntervalSince1970: 0),
                takenBy: takenBy.flatMap(EntityID.init), takenByName: takenByName, device: device)
        }
    }
}

/// A row of `cash_count` (append-only; a recount is a new row).
struct CashCountRecord: SyncedRecord {
    static let databaseTableName = "cash_count"

    var id: String
    var day: String
    var device: String
    var userID: String?
    var userName: String
    var currency: String
    var expectedMinor: Int
    var countedMinor: Int
    var note: String
    var countedAt: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String = ""
    var originDevice: String = ""

    enum CodingKeys: String, CodingKey {
        case id, day, device, currency, note, hlc
        case userID = "user_id", userName = "user_name", expectedMinor = "expected_minor", countedMinor = "counted_minor"
        case countedAt = "counted_at"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    init(_ count: CashCount) {
        id = count.id.description
        day = count.day.description
        device = count.device
        userID = count.userID?.description
        userName = count.userName
        currency = count.currency.code
        expectedMinor = count.expected.minor
        countedMinor = count.counted.minor
        note = count.note
        countedAt = ISOInstant.format(count.countedAt)
        createdAt = countedAt
    }

    var count: CashCount {
        get throws {
            guard let day = CalendarDate(iso: day), let currency = Currency(code: currency) else {
                throw MalformedStoredValue(kind: "cash count \(id) day or currency", text: "\(day)/\(currency)")
            }
            return CashCount(id: try EntityID(stored: id), day: day, device: device, userID: userID.flatMap(EntityID.init),
                             userName: userName, currency: currency, expected: Money(minor: expectedMinor),
                             counted: Money(minor: countedMinor), note: note,
                             countedAt: ISOInstant.parse(countedAt) ?? Date(timeIntervalSince1970: 0))
        }
    }
}
