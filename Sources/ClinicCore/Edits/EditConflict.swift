public import Foundation

/// One field that the person saving changed, and that someone else changed to another value
/// after the form was opened: both values, and who made the other change and when.
public struct FieldConflict: Hashable, Sendable {
    public var field: EditableField
    /// What the form was opened with.
    public var base: String
    /// What the person saving typed.
    public var yours: String
    /// What the record holds now.
    public var theirs: String
    /// Who made the other change ("Rosa Díaz (rosa)", or "another device"), when known.
    public var changedBy: String?
    /// When the other change was made, when known.
    public var changedAt: Date?

    public init(field: EditableField, base: String, yours: String, theirs: String, changedBy: String?, changedAt: Date?) {
        self.field = field
        self.base = base
        self.yours = yours
        self.theirs = theirs
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}

/// An edit that was not saved because fields it changes were changed by someone else since
/// the form was opened. Nothing is overwritten unseen: the person decides field by field.
public struct EditConflict: Error, Hashable, Sendable, CustomStringConvertible {
    /// The record as it is now.
    public var current: Patient
    /// The conflicting fields, in form order.
    public var fields: [FieldConflict]

    public init(current: Patient, fields: [FieldConflict]) {
        self.current = current
        self.fields = fields
    }

    public var description: String {
        let names = fields.map { $0.field.label.lowercased() }
        let list = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return "Not saved: someone else changed the \(list) of \(current.displayName) since you opened the form."
    }
}

/// The local twin of the sync merge rule for demographics: an edit carries the values it was
/// opened with; a field it changes that someone else changed meanwhile is a conflict, not an
/// overwrite.
public enum EditConflicts {
    /// The fields `edited` changes from `base` that `current` also changed from `base`, to a
    /// different value than `edited` (the same new value on both sides is no conflict).
    public static func fields(base: PatientDetails, edited: PatientDetails, current: PatientDetails) -> [EditableField] {
        EditableField.allCases.filter { field in
            field.differs(base, edited) && field.differs(base, current) && field.differs(edited, current)
        }
    }

    /// The edit replayed onto the record as it is now, after the person chose per conflicting
    /// field: fields they did not touch take the current values, fields they changed keep their
    /// values, except conflicting fields listed in `takingTheirs`, which take the current ones.
    /// Saved with `current` as the new base, it writes exactly what the person chose.
    public static func rebase(
        base: PatientDetails, edited: PatientDetails, current: PatientDetails, takingTheirs: Set<EditableField>
    ) -> PatientDetails {
        var result = edited
        for field in EditableField.allCases where !field.differs(base, edited) || takingTheirs.contains(field) {
            field.copy(from: current, into: &result)
        }
        return result
    }
}
