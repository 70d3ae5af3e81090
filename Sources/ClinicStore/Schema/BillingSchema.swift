/// Billing (migration v17): the price list, invoices and their lines, payments and refunds,
/// and the drawer counts of the day-end cash-up. Everything but the price list is append-only:
/// a discount, a cancellation, a void or a refund is a new row that refers to the one it
/// changes. Money is INTEGER minor units (`*_minor`), rates are basis points.
enum BillingSchema {
    static let statements: [String] = [
        """
        CREATE TABLE price_item (
            id TEXT PRIMARY KEY NOT NULL,
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            category TEXT NOT NULL,
            price_minor INTEGER NOT NULL,
            tax_rate_bp INTEGER NOT NULL DEFAULT 0,
            is_active INTEGER NOT NULL DEFAULT 1,
            \(FoundationSchema.syncedColumns)
        )
        """,
        """
        CREATE TABLE invoice (
            id TEXT PRIMARY KEY NOT NULL,
            patient_id TEXT NOT NULL REFERENCES patient(id),
            visit_id TEXT REFERENCES visit(id),
            currency TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            opened_by TEXT NOT NULL,
            day TEXT NOT NULL,
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX invoice_day ON invoice(day)",
        "CREATE INDEX invoice_visit ON invoice(visit_id) WHERE visit_id IS NOT NULL",
        "CREATE INDEX invoice_patient ON invoice(patient_id)",
        """
        CREATE TABLE invoice_line (
            id TEXT PRIMARY KEY NOT NULL,
            invoice_id TEXT NOT NULL REFERENCES invoice(id),
            kind TEXT NOT NULL,
            code TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            category TEXT NOT NULL,
            quantity INTEGER NOT NULL DEFAULT 1,
            unit_price_minor INTEGER NOT NULL DEFAULT 0,
            tax_rate_bp INTEGER NOT NULL DEFAULT 0,
            target_line_id TEXT REFERENCES invoice_line(id),
            reason TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL,
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX invoice_line_invoice ON invoice_line(invoice_id)",
        """
        CREATE TABLE payment (
            id TEXT PRIMARY KEY NOT NULL,
            invoice_id TEXT NOT NULL REFERENCES invoice(id),
            patient_id TEXT NOT NULL REFERENCES patient(id),
            kind TEXT NOT NULL,
            method TEXT NOT NULL,
            amount_minor INTEGER NOT NULL,
            tendered_minor INTEGER,
            reference TEXT NOT NULL DEFAULT '',
            payer TEXT NOT NULL DEFAULT '',
            policy_number TEXT NOT NULL DEFAULT '',
            refund_of_id TEXT REFERENCES payment(id),
            reason TEXT NOT NULL DEFAULT '',
            receipt_number TEXT NOT NULL,
            day TEXT NOT NULL,
            taken_at TEXT NOT NULL,
            taken_by TEXT REFERENCES user_account(id),
            taken_by_name TEXT NOT NULL,
            device TEXT NOT NULL,
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX payment_invoice ON payment(invoice_id)",
        "CREATE INDEX payment_day ON payment(day, device)",
        "CREATE INDEX payment_patient ON payment(patient_id)",
        """
        CREATE TABLE cash_count (
            id TEXT PRIMARY KEY NOT NULL,
            day TEXT NOT NULL,
            device TEXT NOT NULL,
            user_id TEXT REFERENCES user_account(id),
            user_name TEXT NOT NULL,
            currency TEXT NOT NULL,
            expected_minor INTEGER NOT NULL,
            counted_minor INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            counted_at TEXT NOT NULL,
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX cash_count_day ON cash_count(day, device)",
        // The next receipt number of this device (local, like the MRN counter).
        "ALTER TABLE local_device ADD COLUMN receipt_counter INTEGER NOT NULL DEFAULT 0",
    ]
}
