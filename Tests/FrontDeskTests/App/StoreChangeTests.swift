import ClinicCore
import Foundation
import FrontDesk
import ShippedKeymaps
import TerminalKit
import Testing

/// A commit elsewhere rereads the panes that show what it changed, and only those: thirty
/// terminals rereading every pane for each check-in is what made the desk slow to show it.
@Suite("Rereading what another commit changed")
struct StoreChangeTests {
    /// The reads a signed-in receptionist's main screen makes for `change`, by pane.
    func reads(for change: ChangedData) -> Set<String> {
        let keymap = Keymap.load([KeymapSource(path: "keymaps/default.toml", text: ShippedKeymaps.all["default"]!)],
                                 catalog: AppCommands.catalog, contexts: AppContexts.all).keymap
        var state = AppState(clinicName: "Test", keymap: keymap, dateOrder: .dayMonthYear, size: Size(width: 120, height: 32),
                             now: Date(timeIntervalSince1970: 1_795_168_800), timeZone: TimeZone(identifier: "UTC")!)
        state.session.user = User(id: EntityID(UUID()), username: "rita", displayName: "Rita", role: .receptionist)
        state.screen = .main
        return Set(reduce(&state, .storeChanged(change)).map { effect in
            switch effect {
            case .schedule: "book"
            case .queue(.loadContext): "queue context"
            case .queue: "queue"
            case .patients: "lookup"
            case .shell: "sync status"
            case .booking: "booking"
            case .providers: "providers"
            default: "other"
            }
        })
    }

    @Test func aCheckInElsewhereRereadsTheQueueNotTheBook() {
        let reads = reads(for: ChangedData([.visits, .audit]))
        #expect(reads.contains("queue"))
        #expect(reads.contains("sync status"))
        #expect(!reads.contains("book"), "a walk-in's check-in does not change the book")
        #expect(!reads.contains("providers"))
        #expect(!reads.contains("queue context"), "who the user is and where patients can be sent did not change")
    }

    @Test func aNewStationElsewhereRereadsTheQueuesContext() {
        #expect(reads(for: ChangedData([.stations, .audit])).isSuperset(of: ["queue", "queue context"]))
        #expect(reads(for: ChangedData([.users])).contains("queue context"), "a default room is the user's")
    }

    @Test func aBookingElsewhereRereadsTheBookNotTheQueueList() {
        let reads = reads(for: ChangedData([.appointments, .audit]))
        #expect(reads.contains("book"))
        #expect(!reads.contains("booking"), "the providers to book with did not change")
    }

    @Test func syncBookkeepingRereadsOnlyTheSyncStatus() {
        #expect(reads(for: ChangedData([.sync])) == ["sync status"])
    }

    @Test func anUnknownChangeRereadsEverything() {
        #expect(reads(for: .everything).isSuperset(of: ["book", "queue", "lookup", "sync status", "booking"]))
    }
}
