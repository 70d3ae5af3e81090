import ClinicCore
import ClinicDeskLive
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// The running board on an in-memory terminal: it follows the store without a key press,
/// rides out a database that does not answer, redraws on resize and quits on q.
@Suite("Board runtime", .serialized)
struct BoardRuntimeTests {
    /// A waiting room whose answers and failures the test decides, and whose commits it announces.
    final class FakeWaitingRoom: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [WaitingRoomEntry]
        private var failure: StoreError?
        private let commits: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation

        init(_ entries: [WaitingRoomEntry]) {
            self.entries = entries
            (commits, continuation) = AsyncStream.makeStream(of: Void.self)
        }

        /// Another process commits: the day now reads `entries`.
        func commit(_ entries: [WaitingRoomEntry]) {
            lock.withLock { self.entries = entries }
            continuation.yield()
        }

        /// Reads fail with `failure` (nil: they answer again), announced as a commit.
        func failReads(with failure: StoreError?) {
            lock.withLock { self.failure = failure }
            continuation.yield()
        }

        var client: BoardClient {
            BoardClient(
                clinicName: "Riverside Clinic", timeZone: BoardSamples.utc, now: { TestSessions.now },
                day: { _ in
                    try self.lock.withLock { () throws(StoreError) -> [WaitingRoomEntry] in
                        if let failure = self.failure { throw failure }
                        return self.entries
                    }
                },
                changes: { self.commits }, log: { _ in })
        }
    }

    /// Runs the board until the test ends; the task finishes when the board quits.
    func start(_ client: BoardClient, size: Size = Size(width: 80, height: 24)) -> (MemoryBackend, Task<Void, Never>) {
        let backend = MemoryBackend(size: size)
        let board = Task { await BoardRuntime.run(backend: backend, client: client, names: .initials) }
        return (backend, board)
    }

    /// Waits (generously: the machine is shared) until the screen satisfies `condition`; fails if it never does.
    @discardableResult
    func waitForScreen(
        _ backend: MemoryBackend, _ what: String, _ condition: ([String]) -> Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> [String] {
        let deadline = Date().addingTimeInterval(20)
        var rows: [String] = []
        while Date() < deadline {
            rows = backend.presentedBuffer?.textRows ?? []
            if condition(rows) { return rows }
            try? await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the board never showed \(what):\n\(rows.joined(separator: "\n"))", sourceLocation: sourceLocation)
        return rows
    }

    func showing(_ text: String) -> ([String]) -> Bool {
        { rows in rows.contains { $0.contains(text) } }
    }

    @Test func aCallFromAnotherProcessShowsWithoutAKeyPress() async {
        let room = FakeWaitingRoom(BoardSamples.morning)
        let (backend, board) = start(room.client)
        defer { board.cancel(); backend.stop() }
        await waitForScreen(backend, "the morning", showing("ticket 12 → Room 3"))
        var later = BoardSamples.morning.filter { $0.visit.ticket != 7 }
        later.append(
            BoardSamples.entry(7, "Østergaard", "Søren", arrived: 80, status: .called, room: "Room 1", called: 0))
        room.commit(later)
        let rows = await waitForScreen(backend, "ticket 7 called", showing("ticket 7 → Room 1 · Ø. S."))
        #expect(rows.contains { $0.contains("Waiting — 4") })
        #expect(rows.contains { $0.contains("12  → Room 3") }, "12 moves to the earlier calls")
    }

    @Test func aDatabaseThatDoesNotAnswerKeepsTheLastBoardAndSaysSoQuietly() async {
        let room = FakeWaitingRoom(BoardSamples.morning)
        let (backend, board) = start(room.client)
        defer { board.cancel(); backend.stop() }
        await waitForScreen(backend, "the morning", showing("ticket 12 → Room 3"))
        room.failReads(with: .locked(path: "/srv/clinic/clinic.sqlite"))
        let rows = await waitForScreen(
            backend, "reconnecting",
            { $0.last?.trimmingCharacters(in: .whitespaces).hasSuffix("reconnecting…") == true })
        #expect(rows.contains { $0.contains("ticket 12 → Room 3") }, "the last good board stays up")
        room.failReads(with: nil)
        await waitForScreen(backend, "the board live again", { !($0.last?.contains("reconnecting") ?? true) })
    }

    @Test func aResizeRedrawsAtTheNewSize() async {
        let room = FakeWaitingRoom(BoardSamples.morning)
        let (backend, board) = start(room.client)
        defer { board.cancel(); backend.stop() }
        await waitForScreen(backend, "the morning", showing("ticket 12 → Room 3"))
        backend.resize(to: Size(width: 200, height: 60))
        let rows = await waitForScreen(backend, "the board at 200×60", { $0.count == 60 })
        #expect(rows.filter { $0.contains("█") }.count == 15)
    }

    @Test func qQuits() async {
        let room = FakeWaitingRoom(BoardSamples.morning)
        let (backend, board) = start(room.client)
        defer { backend.stop() }
        await waitForScreen(backend, "the morning", showing("ticket 12 → Room 3"))
        backend.send(.key(.char("x")))
        backend.send(.key(.char("q")))
        await board.value
    }

    @Test func theRealStoreCallingAPatientShowsOnTheBoard() async throws {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        let client = try LiveBoardClient.make(store: fixture.store, log: { _ in })
        let (backend, board) = start(client)
        defer { board.cancel(); backend.stop() }
        let smith = try #require(
            try fixture.store.waitingRoom(on: fixture.store.today()).first { $0.familyName == "Smith" })
        await waitForScreen(backend, "Smith waiting", showing("S. J."))
        try fixture.store.callPatient(smith.id, room: "Room 3", by: fixture.doctor)
        let rows = await waitForScreen(
            backend, "Smith called", showing("ticket \(smith.visit.ticket) → Room 3 · S. J."))
        #expect(!rows.joined().contains("Smith"), "initials only")
    }
}
