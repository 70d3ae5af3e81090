import ClinicCore
@testable import ClinicServer
import Foundation
import SyncProtocol
import Testing

struct ChangeRulesTests {
    static let device = UUID()
    static let now: UInt64 = 1_795_000_000_000

    static func change(
        _ table: String = "patient", _ field: String? = "family_name", _ value: FieldValue? = .text("Okafor"),
        operation: ChangeOperation = .update, values: [String: FieldValue]? = nil, millis: UInt64 = now,
        device: UUID = device, version: Int = ClinicSchema.version
    ) -> WireChange {
        WireChange(
            changeID: UUID(), transactionID: UUID(), table: table, rowID: UUID(), operation: operation, field: field,
            value: value, values: values, hlc: HLCTimestamp(millis: millis, counter: 0, device: device), userID: nil,
            schemaVersion: version
        )
    }

    static func reason(_ change: WireChange) -> String? {
        ChangeRules.rejection(of: change, pushedBy: device, serverMillis: now)?.reason
    }

    @Test func validChangesPass() {
        #expect(Self.reason(Self.change()) == nil)
        #expect(Self.reason(Self.change(operation: .snapshot, values: ["family_name": .text("Okafor")])) == nil)
        #expect(Self.reason(Self.change("allergy", "deleted_at", .text("2026-11-18"), operation: .delete)) == nil)
        #expect(Self.reason(Self.change("allergy", "substance", .text("latex"), operation: .insert)) == nil)
        #expect(Self.reason(Self.change("patient", "phone", .null)) == nil)
    }

    @Test func theClockLimitIsFiveMinutesAhead() {
        let limit = SyncLimits.maxClockAheadMillis
        #expect(Self.reason(Self.change(millis: Self.now + limit)) == nil)
        let rejection = ChangeRules.rejection(of: Self.change(millis: Self.now + limit + 1), pushedBy: Self.device, serverMillis: Self.now)
        #expect(rejection?.clockAheadMillis == limit + 1)
        #expect(rejection?.reason == "device clock is 300 s ahead of the server; fix the device's date and time")
        // A clock behind the server is fine: offline devices push old changes.
        #expect(Self.reason(Self.change(millis: Self.now - 30 * 24 * 3600 * 1000)) == nil)
    }

    @Test func appendOnlyTablesOnlyLetTheirRemovalFieldsChange() {
        #expect(Self.reason(Self.change("prescription", "instructions", .text("x")))?.hasPrefix("clinical facts are append-only") == true)
        #expect(Self.reason(Self.change("prescription_item", "dose", .text("x"), operation: .delete)) != nil)
        #expect(Self.reason(Self.change("prescription", "delete_reason", .text("entered in error"), operation: .delete)) == nil)
    }

    @Test func screeningMarksDuplicatesRepeatsAndRejections() {
        let first = Self.change()
        let unknown = Self.change("no_such_table")
        let previous = Self.change()
        let screening = Screening.screen(
            [first, unknown, first, previous], pushedBy: Self.device, serverMillis: Self.now,
            previous: [previous.changeID: StoredOutcome(outcome: .conflict, reason: "phone: changed on two devices")]
        )
        #expect(screening == [
            .candidate, .rejected(Rejection(reason: "unknown table “no_such_table”")), .repeatOf(firstIndex: 0),
            .duplicate(StoredOutcome(outcome: .conflict, reason: "phone: changed on two devices")),
        ])
    }
}
