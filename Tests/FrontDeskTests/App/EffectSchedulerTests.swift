import ClinicCore
import Foundation
import FrontDesk
import Synchronization
import Testing

/// A newer search cancels the one in flight, and an answer that arrives after a newer one is dropped.
@Suite("Effect identity and cancellation")
struct EffectSchedulerTests {
    /// Records what happened to each search and lets the test decide when each one answers.
    final class Searches: Sendable {
        let events = Mutex<[String]>([])
        let delivered = Mutex<[AppAction]>([])
        let releases = Mutex<[String: CheckedContinuation<Void, Never>]>([:])
        let started = Mutex<Set<String>>([])

        func log(_ event: String) { events.withLock { $0.append(event) } }

        /// Waits until the test releases `text`; a search that respects cancellation stops early.
        func search(_ text: String, honouringCancellation: Bool) async -> [AppAction] {
            started.withLock { _ = $0.insert(text) }
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in releases.withLock { $0[text] = continuation } }
            } onCancel: {
                log("cancelled \(text)")
                if honouringCancellation { release(text) }
            }
            if honouringCancellation, Task.isCancelled { return [] }
            log("answered \(text)")
            return [.patients(.searchLoaded(query: text, []))]
        }

        func release(_ text: String) {
            releases.withLock { $0.removeValue(forKey: text) }?.resume()
        }

        func waitUntilStarted(_ text: String) async {
            while !started.withLock({ $0.contains(text) }) || releases.withLock({ $0[text] == nil }) {
                try? await Task.sleep(for: .milliseconds(1))
            }
        }

        func waitForDelivery(count: Int) async {
            while delivered.withLock({ $0.count }) < count { try? await Task.sleep(for: .milliseconds(1)) }
        }
    }

    func scheduler(_ searches: Searches, honouringCancellation: Bool) -> EffectScheduler {
        EffectScheduler(perform: { effect in
            guard case let .patients(.search(text, _)) = effect else { return [] }
            return await searches.search(text, honouringCancellation: honouringCancellation)
        }, deliver: { action in searches.delivered.withLock { $0.append(action) } })
    }

    @Test func theNextKeystrokesSearchCancelsTheOneInFlight() async {
        let searches = Searches()
        let scheduler = scheduler(searches, honouringCancellation: true)
        scheduler.start(.patients(.search("ga", limit: 20)))
        await searches.waitUntilStarted("ga")
        scheduler.start(.patients(.search("gar", limit: 20)))
        await searches.waitUntilStarted("gar")
        searches.release("gar")
        await searches.waitForDelivery(count: 1)
        #expect(searches.events.withLock { $0 }.contains("cancelled ga"), "the older search was told to stop")
        #expect(!searches.events.withLock { $0 }.contains("answered ga"))
        #expect(searches.delivered.withLock { $0 } == [.patients(.searchLoaded(query: "gar", []))])
    }

    @Test func anAnswerArrivingAfterANewerOneIsDropped() async {
        let searches = Searches()
        let scheduler = scheduler(searches, honouringCancellation: false)  // a search that ignores cancellation
        scheduler.start(.patients(.search("ga", limit: 20)))
        await searches.waitUntilStarted("ga")
        scheduler.start(.patients(.search("gar", limit: 20)))
        await searches.waitUntilStarted("gar")
        searches.release("gar")
        await searches.waitForDelivery(count: 1)
        searches.release("ga")  // the old one answers last
        while !searches.events.withLock({ $0.contains("answered ga") }) { try? await Task.sleep(for: .milliseconds(1)) }
        try? await Task.sleep(for: .milliseconds(20))
        #expect(searches.delivered.withLock { $0 } == [.patients(.searchLoaded(query: "gar", []))],
                "the late answer for “ga” never reaches the screen")
        #expect(scheduler.inFlight == 0)
    }

    @Test func writesAreNeverCancelledByAnotherWrite() {
        let register = AppEffect.patients(.register(PatientDetails(familyName: "A", givenName: "B"), nil, TestSessions.receptionist))
        #expect(register.id == nil)
        #expect(AppEffect.patients(.search("a", limit: 20)).id == AppEffect.patients(.loadRecent(TestSessions.receptionist, limit: 10)).id,
                "the recent list and a search fill the same rows, so one replaces the other")
    }
}
