/// Which tables and fields sync, and how each kind of field merges.
///
/// One list shared by the client store, the sync engine and the server, so a field
/// can never be written on one side and be unknown on the other. A test checks that
/// every store table's columns match this list.
public enum SyncedTables {
    /// Table → the fields a change may carry (every column except `id`, `hlc`,
    /// `origin_device` and locally derived search keys).
    public static let fields: [String: Set<String>] = [
        "user_account": ["username", "display_name", "role", "password_hash", "is_active", "default_room"] + common,
        "provider": ["display_name", "specialty", "default_slot_minutes", "user_id"] + common,
        "schedule_template": ["provider_id", "weekday", "start_minute", "end_minute", "breaks"] + common,
        "schedule_exception": ["provider_id", "kind", "first_day", "last_day", "reason", "start_minute", "end_minute"] + common,
        "patient": [
            "mrn", "family_name", "given_name", "sex", "birth_date", "birth_date_estimated", "phone", "alternate_phone",
            "address_line", "city", "region", "postal_code", "country", "emergency_name", "emergency_relationship",
            "emergency_phone", "allergy_status", "allergy_note", "merged_into",
        ] + common,
        "patient_identifier": ["patient_id", "kind", "value"] + common,
        "allergy": [
            "patient_id", "substance", "substance_kind", "reaction", "severity", "recorded_at", "recorded_by",
            "supersedes_id", "is_retraction",
        ] + common,
        "medication": [
            "patient_id", "drug", "strength", "form", "directions", "note", "recorded_at", "recorded_by", "supersedes_id",
            "is_stop",
        ] + common,
        "appointment": [
            "patient_id", "provider_id", "start_date", "start_minute", "minutes", "kind", "mode", "status", "reason",
            "cancel_reason", "follow_up_id", "series_id", "overbook_reason",
        ] + common,
        "waitlist_entry": [
            "patient_id", "provider_id", "earliest", "latest", "times", "note", "added_at", "closed_at", "closed_reason",
            "appointment_id",
        ] + common,
        "visit": [
            "patient_id", "appointment_id", "provider_id", "day", "arrived_at", "priority", "status", "room", "called_by",
            "called_at", "finished_at", "ticket", "station", "outcome",
        ] + common,
        "station": ["name", "kind"] + common,
        "visit_hop": ["visit_id", "from_place", "to_place", "to_provider_id", "to_station", "note", "hopped_at", "hopped_by"]
            + common,
        "triage": [
            "visit_id", "patient_id", "systolic", "diastolic", "pulse", "temperature_tenths", "respiratory_rate",
            "oxygen_saturation", "weight_grams", "height_mm", "note", "priority", "recorded_at", "recorded_by", "supersedes_id",
        ] + common,
        "consultation_note": [
            "visit_id", "patient_id", "author_id", "author_name", "written_at", "complaint", "findings", "assessment", "plan",
            "supersedes_id",
        ] + common,
        "prescription": [
            "patient_id", "prescriber_id", "visit_id", "instructions", "signed_at", "verification_code", "supersedes_id",
            "supersede_reason", "is_cancellation",
        ] + common,
        "prescription_item": [
            "prescription_id", "position", "drug", "strength", "form", "dose", "route", "frequency", "duration_days",
            "quantity", "refills", "sig", "valid_until",
        ] + common,
        "prescription_alert": [
            "prescription_id", "position", "kind", "severity", "drugs", "message", "advice", "override_reason",
        ] + common,
        "price_item": ["code", "name", "category", "price_minor", "tax_rate_bp", "is_active"] + common,
        "invoice": ["patient_id", "visit_id", "currency", "opened_at", "opened_by", "day"] + common,
        "invoice_line": [
            "invoice_id", "kind", "code", "name", "category", "quantity", "unit_price_minor", "tax_rate_bp", "target_line_id",
            "reason", "added_at", "added_by",
        ] + common,
        "payment": [
            "invoice_id", "patient_id", "kind", "method", "amount_minor", "tendered_minor", "reference", "payer", "policy_number",
            "refund_of_id", "reason", "receipt_number", "day", "taken_at", "taken_by", "taken_by_name", "device",
        ] + common,
        "cash_count": [
            "day", "device", "user_id", "user_name", "currency", "expected_minor", "counted_minor", "note", "counted_at",
        ] + common,
    ]

    /// Bookkeeping every synced row carries as fields.
    public static let common: Set<String> = ["created_at", "deleted_at", "delete_reason"]

    /// Tables whose rows are clinical facts: written once, never edited (a correction is a new row).
    /// Only their removal fields may change afterwards.
    public static let appendOnly: Set<String> = [
        "allergy", "medication", "prescription", "prescription_item", "prescription_alert", "visit_hop", "triage",
        "consultation_note", "invoice", "invoice_line", "payment", "cash_count",
    ]

    /// Fields a merge must never settle silently: a disagreement is kept for a person to decide.
    public static let safetyFields: [String: Set<String>] = [
        "patient": ["birth_date", "birth_date_estimated", "sex", "allergy_status", "merged_into"],
    ]

    /// Fields merged by the appointment status machine's stage order rather than by clock.
    public static let stageOrderedFields: [String: Set<String>] = ["appointment": ["status"], "visit": ["status"]]

    /// Whether `field` of `table` may be carried by a change.
    public static func isKnown(table: String, field: String) -> Bool {
        fields[table]?.contains(field) ?? false
    }
}

extension Set where Element == String {
    fileprivate static func + (lhs: Set<String>, rhs: Set<String>) -> Set<String> { lhs.union(rhs) }
}
