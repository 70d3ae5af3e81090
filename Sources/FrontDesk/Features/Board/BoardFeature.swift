import ClinicCore
public import Foundation
import TerminalKit

/// The board's reducer, pure: reads the day when the store changes, the day turns or a read
/// failed, keeps at most one read in flight, and turns each answer into a fresh ``BoardModel``.
public enum BoardFeature {
    /// Even without a change notification the board reads the day this often: a notification
    /// lost while the database was busy never leaves it stale for long, and a database that has
    /// stopped answering is noticed (and said) within this time.
    public static let refreshInterval: TimeInterval = 10

    public static func reduce(_ state: inout BoardState, _ action: BoardAction) -> [BoardEffect] {
        switch action {
        case .start:
            return requestRead(&state)
        case let .event(event):
            handle(event, &state)
            return []
        case let .tick(now):
            state.now = now
            let stale = state.lastRead.map { now.timeIntervalSince($0) >= refreshInterval } ?? true
            let newDay = state.day.map { $0 != state.today } ?? false
            guard !state.isLoading, state.connection != .live || stale || newDay else { return [] }
            return requestRead(&state)
        case .storeChanged:
            return requestRead(&state)
        case let .loaded(day, entries):
            state.isLoading = false
            state.model = BoardModel(entries: entries, names: state.names)
            state.day = day
            state.lastRead = state.now
            state.connection = .live
            guard state.reloadPending || day != state.today else { return [] }
            state.reloadPending = false
            return requestRead(&state)
        case .failed:
            state.isLoading = false
            state.reloadPending = false
            state.connection = .reconnecting
            return []
        }
    }

    /// Starts a read of today, or notes that one is wanted when a read is already in flight.
    private static func requestRead(_ state: inout BoardState) -> [BoardEffect] {
        guard !state.isLoading else {
            state.reloadPending = true
            return []
        }
        state.isLoading = true
        return [.load(state.today)]
    }

    /// `q` and C-c quit; a resize redraws at the new size; every other event is ignored.
    private static func handle(_ event: KeyEvent, _ state: inout BoardState) {
        switch event {
        case let .key(press):
            if press == .char("q") || press == .char("Q") || press == .ctrl("c") { state.shouldQuit = true }
        case let .resize(size):
            state.size = size
        case .paste, .mouse:
            break
        }
    }
}
