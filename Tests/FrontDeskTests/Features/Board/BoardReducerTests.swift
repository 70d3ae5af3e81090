import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import Testing

@Suite("Board reducer")
struct BoardReducerTests {
    func reduce(_ action: BoardAction) -> (inout BoardState) -> [BoardEffect] {
        { BoardFeature.reduce(&$0, action) }
    }

    func fresh() -> BoardState {
        BoardState(
            clinicName: "Riverside Clinic", names: .initials, now: TestSessions.now, timeZone: BoardSamples.utc,
            size: Size(width: 80, height: 24))
    }

    @Test func startingReadsTodayAndTheAnswerBecomesTheBoard() {
        var state = fresh()
        expectReduce(&state, reduce(.start), changes: { $0.isLoading = true }, returns: [.load(BoardSamples.day)])
        expectReduce(
            &state, reduce(.loaded(BoardSamples.day, BoardSamples.morning)),
            changes: {
                $0.isLoading = false
                $0.model = BoardModel(entries: BoardSamples.morning, names: .initials)
                $0.day = BoardSamples.day
                $0.lastRead = TestSessions.now
                $0.connection = .live
            }, returns: [])
    }

    @Test func eachAnswerReplacesTheBoardWhole() {
        var state = BoardSamples.state()
        let later = [BoardSamples.entry(20, "Lee", "Ann", arrived: 1)]
        _ = BoardFeature.reduce(&state, .storeChanged)
        _ = BoardFeature.reduce(&state, .loaded(BoardSamples.day, later))
        #expect(state.model == BoardModel(entries: later, names: .initials))
        #expect(state.model.nowCalling == nil && state.model.recentCalls.isEmpty)
    }

    @Test func aChangeDuringAReadIsReadOnceWhenTheReadAnswers() {
        var state = BoardSamples.state()
        expectReduce(
            &state, reduce(.storeChanged), changes: { $0.isLoading = true }, returns: [.load(BoardSamples.day)])
        expectReduce(&state, reduce(.storeChanged), changes: { $0.reloadPending = true }, returns: [])
        expectReduce(&state, reduce(.storeChanged), returns: [])
        _ = BoardFeature.reduce(&state, .loaded(BoardSamples.day, []))
        #expect(state.isLoading && !state.reloadPending, "one more read for the changes that came meanwhile")
        let effects = BoardFeature.reduce(&state, .loaded(BoardSamples.day, BoardSamples.morning))
        #expect(effects.isEmpty && !state.isLoading)
    }

    @Test func aFailedReadKeepsTheLastBoardSaysReconnectingAndTriesAgainOnTheNextTick() {
        var state = BoardSamples.state()
        _ = BoardFeature.reduce(&state, .storeChanged)
        expectReduce(
            &state, reduce(.failed("The database is locked by another process")),
            changes: {
                $0.isLoading = false
                $0.connection = .reconnecting
            }, returns: [])
        #expect(state.model.nowCalling?.ticket == 12)
        let second = TestSessions.now.addingTimeInterval(1)
        expectReduce(
            &state, reduce(.tick(second)),
            changes: {
                $0.now = second
                $0.isLoading = true
            }, returns: [.load(BoardSamples.day)])
        _ = BoardFeature.reduce(&state, .loaded(BoardSamples.day, BoardSamples.morning))
        #expect(state.connection == .live)
    }

    @Test func aFailedReadIsAlsoRetriedOnTheNextChange() {
        var state = BoardSamples.state(connection: .reconnecting)
        expectReduce(
            &state, reduce(.storeChanged), changes: { $0.isLoading = true }, returns: [.load(BoardSamples.day)])
    }

    @Test func ticksOnlyMoveTheClockWhileTheBoardIsFresh() {
        var state = BoardSamples.state()
        let soon = TestSessions.now.addingTimeInterval(5)
        expectReduce(&state, reduce(.tick(soon)), changes: { $0.now = soon }, returns: [])
        let stale = TestSessions.now.addingTimeInterval(BoardFeature.refreshInterval)
        expectReduce(
            &state, reduce(.tick(stale)),
            changes: {
                $0.now = stale
                $0.isLoading = true
            }, returns: [.load(BoardSamples.day)])
        let later = stale.addingTimeInterval(1)
        // No second read while one is in flight.
        expectReduce(&state, reduce(.tick(later)), changes: { $0.now = later }, returns: [])
    }

    @Test func atMidnightTheBoardReadsTheNewDay() {
        var state = BoardSamples.state()
        state.now = TestSessions.now.addingTimeInterval(14 * 3600 - 1)
        state.lastRead = state.now
        let midnight = state.now.addingTimeInterval(1)
        expectReduce(
            &state, reduce(.tick(midnight)),
            changes: {
                $0.now = midnight
                $0.isLoading = true
            }, returns: [.load(CalendarDate(iso: "2026-11-21")!)])
    }

    @Test func qAndControlCQuitEveryOtherKeyIsIgnored() {
        for key in [KeyPress.char("q"), .char("Q"), .ctrl("c")] {
            var state = BoardSamples.state()
            expectReduce(&state, reduce(.event(.key(key))), changes: { $0.shouldQuit = true }, returns: [])
        }
        var state = BoardSamples.state()
        for event in [
            KeyEvent.key(.char("x")), .key(KeyPress(.enter)), .key(KeyPress(.escape)), .paste("q"), .key(.ctrl("q")),
        ] {
            expectReduce(&state, reduce(.event(event)), returns: [])
        }
    }

    @Test func aResizeLaysTheBoardOutAgain() {
        var state = BoardSamples.state()
        expectReduce(
            &state, reduce(.event(.resize(Size(width: 200, height: 60)))),
            changes: {
                $0.size = Size(width: 200, height: 60)
            }, returns: [])
    }
}
