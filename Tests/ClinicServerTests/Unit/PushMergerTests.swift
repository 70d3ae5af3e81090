import ClinicCore
@testable import ClinicServer
import Foundation
import SyncProtocol
import Testing

struct PushMergerTests {
    static let device = UUID()
    static let other = UUID()
    static let row = UUID()

    static func change(_ field: String, _ value: FieldValue, base: FieldValue? = nil, millis: UInt64, table: String = "patient") -> WireChange {
        WireChange(
            changeID: UUID(), transactionID: UUID(), table: table, rowID: row, operation: base == nil ? .insert : .update,
            field: field, value: value, base: base, hlc: HLCTimestamp(millis: millis, counter: 0, device: device), userID: nil
        )
    }

    static func stored(_ value: FieldValue, millis: UInt64, device: UUID = other) -> StoredField {
        StoredField(value: value, hlc: HLCTimestamp(millis: millis, counter: 0, device: device), device: device, changeID: UUID())
    }

    static func plan(_ changes: [WireChange], fields: [FieldKey: StoredField] = [:], foreign: Set<RowKey> = []) -> PushPlan {
        PushMerger.plan(
            changes, screening: changes.map { _ in .candidate }, foreignRows: foreign, fields: fields,
            supersessions: [:], lastSequence: 10
        )
    }

    @Test func appliedChangesTakeTheNextSequenceNumbers() {
        let plan = Self.plan([Self.change("family_name", .text("Okafor"), millis: 1), Self.change("given_name", .text("Ada"), millis: 1)])
        #expect(plan.results.map(\.outcome) == [.applied, .applied])
        #expect(plan.log.map(\.sequence) == [11, 12])
        #expect(plan.lastSequence == 12)
        #expect(plan.fieldWrites.map(\.key.field) == ["family_name", "given_name"])
        #expect(plan.outcomes.map(\.sequence) == [11, 12])
    }

    @Test func aLosingWriteIsLoggedButNotStored() {
        let key = FieldKey(table: "patient", rowID: Self.row, field: "phone")
        let plan = Self.plan([Self.change("phone", .text("old"), base: .text("base"), millis: 5)], fields: [key: Self.stored(.text("new"), millis: 9)])
        #expect(plan.results.map(\.outcome) == [.conflict])
        #expect(plan.fieldWrites.isEmpty)
        #expect(plan.log.count == 1)
        #expect(plan.conflicts.map(\.winner) == [.current])
        #expect(plan.conflicts.map(\.kind) == [.concurrentEdit])
    }

    @Test func laterChangesInABatchMergeAgainstEarlierOnes() {
        let first = Self.change("phone", .text("one"), millis: 1)
        let second = Self.change("phone", .text("two"), base: .text("one"), millis: 2)
        let plan = Self.plan([first, second])
        #expect(plan.results.map(\.outcome) == [.applied, .applied])
        #expect(plan.fieldWrites.count == 1)
        #expect(plan.fieldWrites.first?.field.value == .text("two"))
    }

    @Test func rowsOfAnotherClinicAreRejectedWithoutDetail() {
        let change = Self.change("phone", .text("x"), millis: 1)
        let plan = Self.plan([change], foreign: [RowKey(table: "patient", rowID: Self.row)])
        #expect(plan.results == [ChangeResult(changeID: change.changeID, outcome: .rejected, reason: "row belongs to another clinic")])
        #expect(plan.log.isEmpty && plan.fieldWrites.isEmpty && plan.lastSequence == 10)
    }

    @Test func twoCorrectionsOfOneFactInOneBatchConflict() {
        let original = UUID()
        func correction(_ row: UUID) -> WireChange {
            WireChange(
                changeID: UUID(), transactionID: UUID(), table: "allergy", rowID: row, operation: .insert,
                field: "supersedes_id", value: .text(original.lowercased), hlc: HLCTimestamp(millis: 1, counter: 0, device: Self.device),
                userID: nil
            )
        }
        let a = UUID()
        let plan = Self.plan([correction(a), correction(UUID())])
        #expect(plan.results.map(\.outcome) == [.applied, .conflict])
        #expect(plan.conflicts.map(\.kind) == [.clinical])
        #expect(plan.conflicts.first?.relatedRowID == a)
        #expect(plan.conflicts.first?.winner == .both)
    }

    @Test func repeatsInsideABatchReportTheFirstOutcome() {
        let change = Self.change("phone", .text("x"), millis: 1)
        let plan = PushMerger.plan(
            [change, change], screening: [.candidate, .repeatOf(firstIndex: 0)], foreignRows: [], fields: [:],
            supersessions: [:], lastSequence: 0
        )
        #expect(plan.results.map(\.outcome) == [.applied, .duplicate])
        #expect(plan.results[1].originalOutcome == .applied)
        #expect(plan.outcomes.count == 1)
    }
}
