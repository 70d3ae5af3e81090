import ClinicCore
import Testing

@Suite("Audit chain")
struct AuditChainTests {
    /// FNV-1a as hex: a stand-in for SHA-256 that is enough to tell contents apart here.
    static func fnv(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    /// A chain of `count` events as the store writes them, and the device's head.
    static func chain(_ count: Int) -> (events: [AuditLink], head: String) {
        var events: [AuditLink] = []
        var previous = ""
        for number in 1...count {
            var event = AuditLink(seq: Int64(number), id: "event-\(number)", at: "2026-12-02T09:0\(number):00.000Z", deviceID: "device-a",
                                  userID: "user-1", actor: "rosa", action: "patient.edit", entityTable: "patient", entityID: "p-1",
                                  patientID: "p-1", summary: "Edited phone", hlc: "hlc-\(number)", hash: nil)
            event.hash = AuditChain.link(event, after: previous, hash: fnv)
            previous = event.hash!
            events.append(event)
        }
        return (events, previous)
    }

    func verify(_ events: [AuditLink], headSeq: Int64 = 4, head: String) -> AuditChainReport {
        AuditChain.verify(events, headSeq: headSeq, headHash: head, hash: Self.fnv)
    }

    @Test func anUntouchedChainVerifiesEveryEvent() {
        let (events, head) = Self.chain(4)
        #expect(verify(events, head: head) == AuditChainReport(checked: 4, problem: nil))
        #expect(AuditChain.verify([], headSeq: 0, headHash: "", hash: Self.fnv) == AuditChainReport(checked: 0, problem: nil))
    }

    @Test func anEditedSummaryIsNamedAsChanged() {
        var (events, head) = Self.chain(4)
        events[2].summary = "Edited nothing"
        let report = verify(events, head: head)
        #expect(report.problem == .changed(events[2]))
        #expect(report.checked == 2)
        #expect(report.problem?.description
            == "Audit event #3 (2026-12-02T09:03:00.000Z, patient.edit by rosa, id event-3) was changed: its content does not match its hash.")
    }

    @Test func aChangedActorOrAMissingFieldIsAChangeToo() {
        var (events, head) = Self.chain(4)
        events[0].actor = "admin"
        #expect(verify(events, head: head).problem == .changed(events[0]))
        (events, head) = Self.chain(4)
        events[1].patientID = nil
        #expect(verify(events, head: head).problem == .changed(events[1]))
    }

    @Test func aDeletedEventIsNamedWithItsNeighbours() {
        let (events, head) = Self.chain(4)
        let report = verify([events[0], events[2], events[3]], head: head)
        #expect(report.problem == .removed(seq: 2, after: events[0], before: events[2]))
        #expect(report.problem?.description.hasPrefix("Audit event #2 was removed (it came after #1 ") == true)
    }

    @Test func removingTheNewestEventsShowsAgainstTheDevicesHead() {
        let (events, head) = Self.chain(4)
        let report = verify(Array(events.prefix(2)), head: head)
        #expect(report.problem == .removed(seq: 3, after: events[1], before: nil))
        #expect(report.problem?.description.hasSuffix("and was among the newest).") == true)
        #expect(verify([], head: head).problem == .removed(seq: 1, after: nil, before: nil))
    }

    @Test func anInsertedEventIsNamed() {
        let (events, head) = Self.chain(4)
        var forged = events[1]
        forged.seq = nil
        forged.id = "forged"
        forged.hash = nil
        #expect(verify(events + [forged], head: head).problem == .inserted(forged))
        // Numbered past the head, or a second number 2.
        forged.seq = 5
        #expect(verify(events + [forged], head: head).problem == .inserted(forged))
        forged.seq = 2
        #expect(verify([events[0], events[1], forged, events[2], events[3]], head: head).problem == .inserted(forged))
    }

    @Test func aNewestEventRewrittenWithItsOwnHashDisagreesWithTheHead() {
        var (events, head) = Self.chain(4)
        events[3].summary = "Nothing happened"
        events[3].hash = AuditChain.link(events[3], after: events[2].hash!, hash: Self.fnv)
        #expect(verify(events, head: head).problem == .changed(events[3]))
    }

    @Test func theCanonicalFormTellsFieldBoundariesApart() {
        let (events, _) = Self.chain(1)
        var a = events[0], b = events[0]
        a.actor = "ro"
        a.action = "sapatient.edit"
        b.actor = "rosa"
        b.action = "patient.edit"
        #expect(a.canonical != b.canonical)
        var none = events[0], empty = events[0]
        none.userID = nil
        empty.userID = ""
        #expect(none.canonical != empty.canonical)
    }
}
