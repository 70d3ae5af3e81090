import ClinicCore
import GRDB

extension ChangeWriter {
    /// Takes this device's next receipt number, inside the write: a write that rolls back gives
    /// its number back, so a device's receipts have no gaps; the device's prefix (the MRN
    /// prefix) keeps two offline devices' numbers apart.
    mutating func nextReceiptNumber() throws -> ReceiptNumber {
        guard let row = try Row.fetchOne(
            db, sql: "UPDATE local_device SET receipt_counter = receipt_counter + 1 RETURNING mrn_prefix, receipt_counter"
        ) else {
            throw StoreError.notAClinicDatabase(path: "database", detail: "it has no device identity")
        }
        return ReceiptNumber(prefix: row["mrn_prefix"], serial: row["receipt_counter"])
    }

    /// The till's name on payments and cash counts: the device's prefix, as on its receipts.
    func tillName() throws -> String {
        try String.fetchOne(db, sql: "SELECT mrn_prefix FROM local_device") ?? "?"
    }
}
