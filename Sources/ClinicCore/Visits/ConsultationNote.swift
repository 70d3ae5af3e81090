public import Foundation

/// What the doctor writes about a visit. Clinical and append-only: an amendment is a new note
/// that supersedes the one before, and both are kept.
public struct ConsultationNote: Identifiable, Hashable, Sendable {
    public var id: EntityID<ConsultationNote>
    public var visitID: EntityID<Visit>
    public var patientID: EntityID<Patient>
    public var authorID: EntityID<User>?
    /// The author's name as it was when the note was written.
    public var authorName: String
    public var writtenAt: Date
    public var content: NoteContent
    /// The note this one amends, if any.
    public var supersedes: EntityID<ConsultationNote>?

    public init(id: EntityID<ConsultationNote>, visitID: EntityID<Visit>, patientID: EntityID<Patient>,
                authorID: EntityID<User>?, authorName: String, writtenAt: Date, content: NoteContent,
                supersedes: EntityID<ConsultationNote>?) {
        self.id = id
        self.visitID = visitID
        self.patientID = patientID
        self.authorID = authorID
        self.authorName = authorName
        self.writtenAt = writtenAt
        self.content = content
        self.supersedes = supersedes
    }
}

/// The four parts of a consultation note (free text).
public struct NoteContent: Hashable, Sendable, Codable {
    public var complaint: String
    public var findings: String
    public var assessment: String
    public var plan: String

    public init(complaint: String = "", findings: String = "", assessment: String = "", plan: String = "") {
        self.complaint = complaint
        self.findings = findings
        self.assessment = assessment
        self.plan = plan
    }

    /// Whether nothing was written.
    public var isEmpty: Bool {
        [complaint, findings, assessment, plan].allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The note, tidied, or every problem with it (empty, or a part over the length limit).
    public func validated() throws(ValidationFailure) -> NoteContent {
        let tidy = NoteContent(complaint: Self.tidy(complaint), findings: Self.tidy(findings),
                               assessment: Self.tidy(assessment), plan: Self.tidy(plan))
        var problems: [FieldProblem] = []
        if tidy.isEmpty { problems.append(FieldProblem(field: "note", message: "The note is empty: write at least one part.")) }
        for (name, text) in [("complaint", tidy.complaint), ("findings", tidy.findings), ("assessment", tidy.assessment),
                             ("plan", tidy.plan)] where text.count > Self.maxLength {
            problems.append(FieldProblem(field: name, message: "The \(name) is longer than \(Self.maxLength) characters."))
        }
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        return tidy
    }

    /// The longest a part may be.
    public static let maxLength = 4_000

    private static func tidy(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
