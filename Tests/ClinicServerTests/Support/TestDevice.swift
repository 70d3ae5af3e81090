import ClinicCore
import Foundation
import SyncProtocol

/// An enrolled device as a test drives it: its id, credential and hybrid logical clock.
struct TestDevice: Sendable {
    let id: UUID
    let clinicID: UUID
    let credential: String
    private(set) var clock: HybridLogicalClock
    /// The wall time the device believes it is; tests move it.
    var wallMillis: UInt64

    init(id: UUID, clinicID: UUID, credential: String, startMillis: UInt64) {
        self.id = id
        self.clinicID = clinicID
        self.credential = credential
        clock = HybridLogicalClock(device: id)
        wallMillis = startMillis
    }

    /// A new timestamp, `advance` milliseconds of wall time after the last one.
    mutating func stamp(advance: UInt64 = 1) -> HLCTimestamp {
        wallMillis += advance
        return clock.tick(wallMillis: wallMillis)
    }

    /// Moves the clock past changes this device has pulled, as a real device does.
    mutating func receive(_ changes: [WireChange]) {
        for change in changes {
            _ = try? clock.receive(change.hlc, wallMillis: wallMillis)
        }
    }

    /// One field change.
    mutating func change(
        _ table: String, _ row: UUID, _ field: String, _ value: FieldValue, base: FieldValue? = nil,
        operation: ChangeOperation = .update, transaction: UUID = UUID(), advance: UInt64 = 1
    ) -> WireChange {
        WireChange(
            changeID: UUID(), transactionID: transaction, table: table, rowID: row, operation: operation,
            field: field, value: value, base: base, hlc: stamp(advance: advance), userID: nil
        )
    }

    /// A new row: one insert change per field, one transaction, one timestamp.
    mutating func insert(_ table: String, _ row: UUID, _ values: [String: FieldValue]) -> [WireChange] {
        let hlc = stamp()
        let transaction = UUID()
        return values.sorted { $0.key < $1.key }.map { field, value in
            WireChange(
                changeID: UUID(), transactionID: transaction, table: table, rowID: row, operation: .insert,
                field: field, value: value, hlc: hlc, userID: nil
            )
        }
    }

    /// A whole row as one snapshot change.
    mutating func snapshot(_ table: String, _ row: UUID, _ values: [String: FieldValue]) -> WireChange {
        WireChange(
            changeID: UUID(), transactionID: UUID(), table: table, rowID: row, operation: .snapshot,
            values: values, hlc: stamp(), userID: nil
        )
    }
}
