import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// The board as the waiting room sees it, at the sizes screens have: 80×24 and 200×60.
@Suite("Board screen")
struct BoardViewTests {
    /// Tests/FrontDeskTests/Snapshots, with the app's other screens.
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test(arguments: [(80, 24), (200, 60)])
    func theCallInLargeLettersTheEarlierCallsAndWhoWaits(width: Int, height: Int) {
        let screen = BoardView.render(BoardSamples.state(size: Size(width: width, height: height)))
        let text = screen.textRows.joined(separator: "\n")
        #expect(text.contains("Now calling") && text.contains("ticket 12 → Room 3 · S. J."))
        #expect(text.contains("Average wait today: 28 min"))
        #expect(text.contains("Waiting — 5") && text.contains("王 小"))
        assertSnapshot(screen, named: "board-\(width)x\(height)", in: Self.snapshots)
    }

    @Test func theLettersGrowWithTheScreen() {
        func letterRows(_ width: Int, _ height: Int) -> Int {
            BoardView.render(BoardSamples.state(size: Size(width: width, height: height))).textRows.filter {
                $0.contains("█")
            }.count
        }
        #expect(letterRows(80, 24) == 5)
        #expect(letterRows(200, 60) == 15)
    }

    @Test func whileTheDatabaseDoesNotAnswerTheLastBoardStaysWithAQuietWord() {
        let screen = BoardView.render(BoardSamples.state(connection: .reconnecting))
        #expect(screen.textRows.last?.trimmingCharacters(in: .whitespaces).hasSuffix("reconnecting…") == true)
        #expect(screen.textRows.joined().contains("ticket 12 → Room 3"))
        assertSnapshot(screen, named: "board-reconnecting-80x24", in: Self.snapshots)
    }

    @Test func beforeAnyCallTheBoardAsksPeopleToWait() {
        let entries = [BoardSamples.entry(3, "Lee", "Ann", arrived: 10)]
        let screen = BoardView.render(BoardSamples.state(entries)).textRows.joined(separator: "\n")
        #expect(screen.contains("Please wait: you will be called by your ticket number."))
        #expect(screen.contains("No other calls yet today") && screen.contains("Average wait today: nobody called yet"))
        #expect(!screen.contains("█"))
    }

    @Test func fullNamesOnlyWhenConfiguredAndNothingClinicalEver() {
        let initials = BoardView.render(BoardSamples.state()).textRows.joined(separator: "\n")
        for name in ["Smith", "John", "García", "Nguyễn", "शर्मा"] { #expect(!initials.contains(name)) }
        let full = BoardView.render(BoardSamples.state(names: .full)).textRows.joined(separator: "\n")
        #expect(full.contains("ticket 12 → Room 3 · Smith, John") && full.contains("Nguyễn, Thị Hương"))
        let none = BoardView.render(BoardSamples.state(names: .none)).textRows.joined(separator: "\n")
        #expect(none.contains("ticket 12 → Room 3\n") || none.contains("ticket 12 → Room 3 "))
        #expect(!none.contains("S. J.") && !none.contains("王"))
        for screen in [initials, full, none] {
            for word in ["urgent", "!", "consult", "in room", "done", "left", "Dr ", "MRN"] {
                #expect(!screen.contains(word))
            }
        }
    }

    @Test func aRoomTooLongForLargeLettersLeavesTheTicketLarge() {
        let entries = [
            BoardSamples.entry(
                12, "Smith", "John", arrived: 40, status: .called, room: "Physiotherapy suite B", called: 2)
        ]
        let screen = BoardView.render(BoardSamples.state(entries)).textRows
        let letters = screen.filter { $0.contains("█") }
        #expect(
            letters.count == 5 && letters.allSatisfy { $0.filter { $0 == "█" }.count < 30 }, "only 12 in large letters")
        #expect(screen.joined().contains("ticket 12 → Physiotherapy suite B"))
    }

    @Test func aRoomInAnotherScriptIsSaidInOrdinaryLettersBesideALargeTicket() {
        let entries = [BoardSamples.entry(12, "Smith", "John", arrived: 40, status: .called, room: "غرفة ٣", called: 2)]
        let screen = BoardView.render(BoardSamples.state(entries)).textRows
        #expect(screen.filter { $0.contains("█") }.count == 5)
        #expect(screen.joined().contains("ticket 12 → غرفة ٣"))
    }

    @Test func aLongQueueSaysHowManyMoreWait() {
        let entries = (1...40).map { BoardSamples.entry($0, "Lee", "Ann", arrived: 100 - $0) }
        let screen = BoardView.render(BoardSamples.state(entries)).textRows.joined(separator: "\n")
        #expect(screen.contains("Waiting — 40"))
        #expect(screen.contains("and 30 more"))
    }

    @Test func anySizeDrawsWithoutFailing() {
        for width in [0, 1, 2, 5, 10, 20, 39, 40, 41, 60, 79, 300] {
            for height in [0, 1, 2, 3, 4, 5, 8, 12, 24, 100] {
                let screen = BoardView.render(BoardSamples.state(size: Size(width: width, height: height)))
                #expect(screen.size == Size(width: width, height: height))
            }
        }
        let small = BoardView.render(BoardSamples.state(size: Size(width: 40, height: 12))).textRows.joined(
            separator: "\n")
        #expect(small.contains("ticket 12 → Room 3"), "a small screen still says the call:\n\(small)")
    }
}
