/// The canonical text a sync digest hashes: one line per non-empty field of every synced
/// row, sorted, so two replicas holding the same data produce byte-identical input.
///
/// `table \u{1F} row id \u{1F} field \u{1F} JSON value \n`. Null fields are left out, because a
/// field that was never written and a field written as null are the same state.
public enum SyncDigest {
    public static func line(table: String, rowID: String, field: String, value: FieldValue) -> String? {
        if value == .null { return nil }
        return table + "\u{1F}" + rowID + "\u{1F}" + field + "\u{1F}" + value.jsonText + "\n"
    }
}
