import ClinicCore
import FrontDesk
import Testing

@Suite("Board model")
struct BoardModelTests {
    let model = BoardModel(entries: BoardSamples.morning, names: .initials)

    @Test func theLatestCallOfSomeoneNotYetInIsNowCalling() {
        #expect(model.nowCalling == BoardCall(ticket: 12, room: "Room 3", name: "S. J."))
    }

    @Test func earlierCallsAreNewestFirstAndLeaveOutCallsTakenBackAndPeopleWhoLeft() {
        #expect(
            model.recentCalls == [
                BoardCall(ticket: 11, room: "Room 2", name: "G. J."),
                BoardCall(ticket: 9, room: "Room 1", name: "O. C."),
            ])
    }

    @Test func waitingIsByArrivalAndLeavesOutCalledInConsultationDoneAndLeft() {
        #expect(model.waiting.map(\.ticket) == [7, 14, 16, 17, 15], "first come first, the urgent one not moved up")
        #expect(model.waitingCount == 5)
        #expect(model.waiting.map(\.name) == ["Ø. S.", "N. T.", "王 小", "م ع", "श अ"])
    }

    @Test func averageWaitIsTheDaysMeanFromArrivalToCall() {
        // 12 waited 38 min, 11 waited 25, 9 waited 20: 27.7, rounded.
        #expect(model.averageWait == 28)
        #expect(
            BoardModel(entries: [BoardSamples.entry(3, "Lee", "Ann", arrived: 10)], names: .initials).averageWait == nil
        )
    }

    @Test func nobodyIsNowCallingOnceTheLastCalledIsInTheRoom() {
        let entries = BoardSamples.morning.filter { $0.visit.ticket != 12 }
        let model = BoardModel(entries: entries, names: .initials)
        #expect(model.nowCalling == nil)
        #expect(model.recentCalls.map(\.ticket) == [11, 9])
    }

    @Test func ofTwoCallsOutstandingTheLaterIsNowCallingAndTheOtherListedFirst() {
        let entries =
            BoardSamples.morning + [
                BoardSamples.entry(13, "Lee", "Ann", arrived: 30, status: .called, room: "4", called: 6)
            ]
        let model = BoardModel(entries: entries, names: .initials)
        #expect(model.nowCalling?.ticket == 12)
        #expect(model.recentCalls.map(\.ticket) == [13, 11, 9])
        #expect(model.recentCalls.first?.room == "Room 4", "a bare room number gets the word")
    }

    @Test func aVisitStartedWithoutACallToARoomIsNoCall() {
        let entries = [BoardSamples.entry(5, "Lee", "Ann", arrived: 30, status: .inConsultation, called: 6)]
        let model = BoardModel(entries: entries, names: .initials)
        #expect(model.nowCalling == nil && model.recentCalls.isEmpty)
    }

    @Test func fullNamesOnlyWhenAskedAndNoNamesAtAll() {
        let full = BoardModel(entries: BoardSamples.morning, names: .full)
        #expect(full.nowCalling?.name == "Smith, John")
        #expect(full.waiting.first?.name == "Østergaard, Søren")
        let none = BoardModel(entries: BoardSamples.morning, names: .none)
        #expect(none.nowCalling == BoardCall(ticket: 12, room: "Room 3", name: nil))
        #expect(none.waiting.allSatisfy { $0.name == nil } && none.recentCalls.allSatisfy { $0.name == nil })
    }

    @Test func aLongQueueIsKeptToWhatABoardCanShow() {
        let entries = (1...150).map { BoardSamples.entry($0 % 100, "Lee", "Ann", arrived: 200 - $0) }
        let model = BoardModel(entries: entries, names: .initials)
        #expect(model.waiting.count == BoardModel.waitingLimit && model.waitingCount == 150)
    }
}
