import ClinicCore
import Foundation
@testable import FrontDesk
import TerminalKit
import Testing

@Suite("Queue reducer")
struct QueueReducerTests {
    let context = FeatureContext<QueueModal>(session: TestSessions.session())

    func reduce(_ action: QueueAction) -> (inout QueueState) -> QueueFeature.Outcome {
        { QueueFeature.reduce(&$0, action, context) }
    }

    static func entry(_ name: String, _ serial: Int, minutesAgo: Int, status: QueueStatus = .waiting) -> QueueEntry {
        let visit = Visit(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-0000000002\(Digits.padded(serial, 2))")!),
                          patientID: EntityID(UUID(uuidString: "00000000-0000-7000-8000-0000000003\(Digits.padded(serial, 2))")!),
                          appointmentID: nil, providerID: nil,
                          day: CalendarDate(iso: "2026-11-20")!, arrivedAt: TestSessions.now.addingTimeInterval(Double(-60 * minutesAgo)),
                          status: status)
        return QueueEntry(visit: visit, patientName: name, patientMRN: MRN(prefix: "RVC", serial: serial), allergyStatus: .notAsked,
                          providerName: nil, appointmentTime: nil)
    }

    let smith = entry("Smith, John", 1, minutesAgo: 40)
    let garcia = entry("García, José", 2, minutesAgo: 5, status: .inConsultation)

    @Test func refreshingReadsToday() {
        var state = QueueState()
        expectReduce(&state, reduce(.refresh),
                     returns: .effects(.load(CalendarDate(iso: "2026-11-20")!), .loadContext(TestSessions.receptionist)))
    }

    @Test func newRowsKeepTheSelectionOnTheSamePatient() {
        var state = QueueState()
        expectReduce(&state, reduce(.loaded(QueueDay([smith, garcia]))), changes: {
            $0.entries = [smith, garcia]
            $0.isLoaded = true
        }, returns: .none)
        state.list.selected = 1
        let newcomer = Self.entry("Østergaard, Søren", 3, minutesAgo: 0)
        expectReduce(&state, reduce(.loaded(QueueDay([newcomer, smith, garcia]))), changes: {
            $0.entries = [newcomer, smith, garcia]
            $0.list.selected = 2
        }, returns: .none)
    }

    @Test func theFilterMatchesTheWordsOnScreen() {
        var state = QueueState()
        state.entries = [smith, garcia]
        for character in "late" { _ = QueueFeature.reduce(&state, .filterTyped(.insert(String(character))), context) }
        #expect(state.list.selected == 0)
        state.list.selected = nil
        expectReduce(&state, reduce(.filter(.accept)), changes: {
            $0.list.filter.accept()
            $0.list.selected = 0
        }, returns: .none)
        expectReduce(&state, reduce(.openSelected), returns: .delegate(.openPatient(smith.visit.patientID)))
    }

    @Test func aWalkInIsCheckedInAndEveryPaneReadsAgain() {
        var state = QueueState()
        let patient = PatientRef(id: smith.visit.patientID, name: "Smith, John", mrn: smith.patientMRN)
        expectReduce(&state, reduce(.checkInWalkIn(patient)), returns: .effects(.checkInWalkIn(patient, TestSessions.receptionist)))
        expectReduce(&state, reduce(.wrote("Checked in Smith, John as a walk-in.")),
                     returns: QueueFeature.Outcome(delegates: [.storeWritten],
                                                   message: StatusMessage("Checked in Smith, John as a walk-in.")))
        expectReduce(&state, reduce(.failed(.refused("A nurse may not do that."))), returns: .refusal("A nurse may not do that."))
    }
}

/// The queue's actions, one at a time: the dialog or the write each one asks for.
@Suite("Queue actions")
struct QueueActionTests {
    static let haddad = Provider(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000401")!), displayName: "Dr Amina Haddad",
                                 specialty: .generalPractice, defaultSlotMinutes: 15)
    static let wang = Provider(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000402")!), displayName: "Dr Wang Li",
                               specialty: .paediatrics, defaultSlotMinutes: 15)

    func doctor(room: String?) -> User {
        var user = TestSessions.doctor
        user.defaultRoom = room
        return user
    }

    func context(_ user: User, modal: QueueModal? = nil) -> QueueFeature.Context {
        FeatureContext(session: TestSessions.session(user), modal: modal)
    }

    func state(_ entries: [QueueEntry]) -> QueueState {
        var state = QueueState()
        state.entries = entries
        state.isLoaded = true
        state.me = Self.haddad
        state.providers = [Self.haddad, Self.wang]
        state.stations = [Station(id: EntityID(UUID()), name: "Lab", kind: .lab)]
        return state
    }

    func waiting(_ name: String, _ serial: Int, for provider: Provider? = haddad) -> QueueEntry {
        var entry = QueueReducerTests.entry(name, serial, minutesAgo: 10)
        entry.visit.providerID = provider?.id
        entry.visit.ticket = serial
        return entry
    }

    @Test func callNextUsesTheDefaultRoomOrAsksForOne() {
        var state = state([waiting("Smith, John", 1)])
        let withRoom = doctor(room: "Room 3")
        expectReduce(&state, { QueueFeature.reduce(&$0, .callNext, context(withRoom)) },
                     returns: .effects(.callNext(room: "Room 3", withRoom)))
        let asked = QueueFeature.reduce(&state, .callNext, context(doctor(room: nil)))
        guard case let .push(.room(.callNext, dialog))? = asked.modals.first else {
            Issue.record("expected the room dialog: \(asked)")
            return
        }
        var typed = dialog
        for character in "Room 5" { typed.apply(.insert(String(character))) }
        let saved = QueueFeature.reduce(&state, .roomForm(.nextField), context(doctor(room: nil), modal: .room(.callNext, typed)))
        #expect(saved.effects == [.callNext(room: "Room 5", doctor(room: nil))] && saved.modals == [.pop], "Enter calls")
    }

    @Test func aRoomIsNeededToCall() {
        var state = state([waiting("Smith, John", 1)])
        let dialog = QueueActions.roomDialog("Call the next patient", room: nil)
        let outcome = QueueFeature.reduce(&state, .roomForm(.save), context(doctor(room: nil), modal: .room(.callNext, dialog)))
        guard case let .replace(.room(_, refused))? = outcome.modals.first else {
            Issue.record("expected the dialog to stay")
            return
        }
        #expect(refused.errors == [0: "Say which room, e.g. “Room 3”."] && outcome.effects.isEmpty)
    }

    @Test func sendOnOffersEveryOtherProviderAndTheStations() {
        var state = state([waiting("Smith, John", 1)])
        let outcome = QueueFeature.reduce(&state, .sendOn, context(doctor(room: "Room 3")))
        guard case let .push(.choice(.sendOn(_, _, destinations), dialog))? = outcome.modals.first else {
            Issue.record("expected the destinations")
            return
        }
        #expect(destinations == [.provider(Self.wang.id, name: "Dr Wang Li"), .station("Lab")], "not Dr Haddad, where he waits now")
        #expect(dialog.options.map(\.label) == ["Dr Wang Li", "Lab"])
        var moved = dialog
        moved.move(ListMove(.next))
        let chosen = QueueFeature.reduce(&state, .choiceAnswered(.confirm),
                                         context(doctor(room: "Room 3"), modal: .choice(.sendOn(state.entries[0].visit.id, name: "Smith, John",
                                                                                                 destinations: destinations), moved)))
        #expect(chosen.effects == [.sendOn(state.entries[0].visit.id, name: "Smith, John", .station("Lab"), doctor(room: "Room 3"))])
    }

    @Test func finishingAsksHowTheVisitEnded() {
        var entry = waiting("Smith, John", 1)
        entry.visit.status = .inConsultation
        var state = state([entry])
        let outcome = QueueFeature.reduce(&state, .finish, context(doctor(room: nil)))
        guard case let .push(.choice(purpose, dialog))? = outcome.modals.first else {
            Issue.record("expected the outcomes")
            return
        }
        #expect(dialog.options.map(\.label) == ["Done", "Referred", "Admitted elsewhere"])
        var moved = dialog
        moved.move(ListMove(.next))
        let chosen = QueueFeature.reduce(&state, .choiceAnswered(.confirm), context(doctor(room: nil), modal: .choice(purpose, moved)))
        #expect(chosen.effects == [.finish(entry.visit.id, name: "Smith, John", .referred, doctor(room: nil))])
    }

    @Test func commandsSayWhyTheyCannotRunForThisVisit() {
        let state = state([waiting("Smith, John", 1)])
        let session = TestSessions.session(doctor(room: nil))
        #expect(QueueFeature.need(state, session, [.called]) == "Smith, John is waiting; this needs a patient who is called.")
        let reception = TestSessions.session(TestSessions.receptionist)
        let call = QueueFeature.commands.first { $0.name == "queue.call-next" }!
        #expect(call.disabledReason(state, reception) == "A receptionist may not call patients in.")
        let note = QueueFeature.commands.first { $0.name == "queue.note" }!
        #expect(note.disabledReason(state, reception) == "A receptionist may not write consultation notes.")
        var empty = state
        empty.entries = []
        #expect(call.disabledReason(empty, session) == "Nobody is waiting for Dr Amina Haddad.")
    }

    @Test func myQueueIsMinePlusUnassignedAndCliniciansStartThere() {
        var state = QueueState()
        let mine = waiting("Smith, John", 1)
        let walkIn = waiting("Okonkwo, Ada", 2, for: nil)
        let wangs = waiting("Wang, Xiao", 3, for: Self.wang)
        state.entries = [mine, walkIn, wangs]
        _ = QueueFeature.reduce(&state, .contextLoaded(me: Self.haddad, providers: [Self.haddad, Self.wang], stations: []),
                                context(doctor(room: nil)))
        #expect(state.scope == .mine, "a doctor starts on their own queue")
        #expect(state.rows.map(\.patientName) == ["Smith, John", "Okonkwo, Ada"])
        _ = QueueFeature.reduce(&state, .toggleScope, context(doctor(room: nil)))
        #expect(state.rows.count == 3)
        #expect(QueueView.title(state, TestSessions.session(doctor(room: nil))) == "Queue — 3 waiting")
    }

    @Test func aFinishedVisitLeavesTheActiveQueue() {
        var done = waiting("Smith, John", 1)
        done.visit.status = .done
        var state = state([done, waiting("Okonkwo, Ada", 2)])
        state.scope = .everyone
        #expect(state.rows.map(\.patientName) == ["Okonkwo, Ada"])
    }
}
