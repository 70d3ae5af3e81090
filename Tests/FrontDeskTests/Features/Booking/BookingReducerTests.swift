import ClinicCore
import Foundation
@testable import FrontDesk
import TerminalKit
import Testing

/// The Booking feature's reducer alone: what it asks for, never doing it.
@Suite("Booking reducer")
struct BookingReducerTests {
    typealias F = BookingFormsTests
    static let slot = BookSlot(provider: F.wang, start: LocalDateTime(date: F.today, time: ClockTime("10:30")!))

    func context(_ user: User = TestSessions.receptionist, modal: BookingModal? = nil) -> BookingFeature.Context {
        BookingFeature.Context(session: TestSessions.session(user), modal: modal)
    }

    @Test func aFreeSlotWaitsForItsPatientThenOpensTheDetails() {
        var state = BookingState()
        let asked = BookingFeature.reduce(&state, .bookSlot(Self.slot, series: false), context())
        #expect(asked.delegates == [.choosePatient(.slot(Self.slot))])
        #expect(state.awaiting == .slot(Self.slot))
        let chosen = BookingFeature.reduce(&state, .patientChosen(F.draft.patient), context())
        #expect(state.awaiting == nil)
        guard case let .push(.details(draft, dialog))? = chosen.modals.first else {
            Issue.record("the details dialog: \(chosen)")
            return
        }
        #expect(draft.slot == Self.slot && draft.patient == F.draft.patient && draft.kind == .new)
        #expect(dialog.title == "Book an appointment")
    }

    @Test func choosingNoPatientBooksNothing() {
        var state = BookingState()
        _ = BookingFeature.reduce(&state, .bookSlot(Self.slot, series: false), context())
        #expect(BookingFeature.reduce(&state, .patientChosen(nil), context()) == .none)
        #expect(state.awaiting == nil)
    }

    @Test func theProviderIsAskedWithTheUsualOneSelectedUnlessAFollowUpKnowsIt() {
        var state = BookingState()
        let asked = BookingFeature.reduce(&state, .providersLoaded(F.draft.patient, .book, from: F.today, F.providers, usual: F.wang.id),
                                          context())
        guard case let .push(.provider(_, _, _, _, dialog))? = asked.modals.first else {
            Issue.record("the provider question: \(asked)")
            return
        }
        #expect(dialog.selected == 1 && dialog.options[1].detail == "Paediatrics · usual")
        #expect(state.providers == F.providers)
        let none = BookingFeature.reduce(&state, .providersLoaded(F.draft.patient, .book, from: F.today, [], usual: nil), context())
        #expect(none.message == .error("There are no providers to book with yet; an admin adds them."))
    }

    @Test func freeSlotsArriveOnlyInTheListStillOpenForThem() {
        var state = BookingState()
        let choice = SlotChoice(patient: F.draft.patient, provider: F.wang, purpose: .book, from: F.today)
        let slots = [Self.slot.start]
        let filled = BookingFeature.reduce(&state, .slotsLoaded(choice, slots), context(modal: .slots(choice)))
        guard case let .replace(.slots(open))? = filled.modals.first else {
            Issue.record("the list filled in: \(filled)")
            return
        }
        #expect(open.slots == slots && open.dialog.options.map(\.label) == ["today 10:30"])
        let other = SlotChoice(patient: F.draft.patient, provider: F.haddad, purpose: .book, from: F.today)
        #expect(BookingFeature.reduce(&state, .slotsLoaded(choice, slots), context(modal: .slots(other))) == .none,
                "a late answer for another provider is dropped")
    }

    @Test func aSlotWithProblemsIsAnOverbookQuestionOnlyForThoseAllowed() {
        var state = BookingState()
        let taken = Appointment(id: EntityID(UUID()), patientID: EntityID(UUID()), providerID: F.wang.id, start: Self.slot.start, minutes: 30)
        let failure = DeskError.slotProblems([.overlaps(existing: taken)])
        let draft = BookingFeature.draft(F.draft.patient, Self.slot, .book)
        let refused = BookingFeature.reduce(&state, .bookingFailed(draft, failure), context())
        #expect(refused.message?.isError == true)
        #expect(refused.message?.text.hasSuffix("Only a doctor or an admin may overbook; choose another time.") == true)
        guard case .push(.details)? = refused.modals.first else {
            Issue.record("the details open again as they were: \(refused)")
            return
        }
        let asked = BookingFeature.reduce(&state, .bookingFailed(draft, failure), context(TestSessions.doctor))
        #expect(asked.modals.count == 2)
        guard case let .push(.overbook(.booking(pending), problems, dialog))? = asked.modals.last else {
            Issue.record("the overbook question: \(asked)")
            return
        }
        #expect(pending == draft && problems == [.overlaps(existing: taken)] && dialog.title == "Overbook?")
    }

    @Test func cancellingAsksWhoThenForTheWordsWhenOther() {
        var state = BookingState()
        let entry = ScheduleEntry(appointment: Appointment(id: EntityID(UUID()), patientID: F.draft.patient.id, providerID: F.wang.id,
                                                           start: Self.slot.start, minutes: 30),
                                  patientName: "Smith, John", patientMRN: F.draft.patient.mrn, providerName: "Dr Wang Li")
        let asked = BookingFeature.reduce(&state, .cancel(entry), context())
        guard case let .push(.cancelReason(_, dialog))? = asked.modals.first else {
            Issue.record("who cancelled: \(asked)")
            return
        }
        #expect(dialog.options.map(\.label) == ["By the patient", "By the clinic", "Other reason…"])
        let other = ChoiceDialog(title: dialog.title, message: dialog.message, options: dialog.options, selected: 2)
        let typed = BookingFeature.reduce(&state, .answered(.confirm), context(modal: .cancelReason(entry, other)))
        guard case let .replace(.cancelText(_, form))? = typed.modals.first else {
            Issue.record("the reason typed: \(typed)")
            return
        }
        #expect(form.title == "Why is it cancelled?")
    }
}
