import ClinicCore
import TerminalKit

/// Changing what is booked — move, cancel, no-show, confirm, each asked before it is done —
/// and series, follow-ups and the waitlist.
enum BookingChanges {
    typealias Outcome = BookingFeature.Outcome

    static func reduce(_ state: inout BookingState, _ action: BookingAction, _ context: BookingFeature.Context) -> Outcome {
        let session = context.session
        guard let user = session.user else { return .none }
        let today = session.today
        switch action {
        case let .move(entry, slot):
            let from = "\(DayText.moment(entry.appointment.start, today: today)) with \(entry.providerName)"
            return .modal(.confirm(Confirmation(
                title: "Move the appointment?",
                message: "Move \(entry.patientName) from \(from) to \(DayText.moment(slot.start, today: today)) with \(slot.provider.displayName)?",
                yes: .moveConfirmed(entry, slot), yesLabel: "Move")))
        case let .moveConfirmed(entry, slot):
            return .effects(.move(entry, slot, overbookReason: nil, user))
        case let .moveFailed(entry, slot, failure):
            if case let .slotProblems(problems) = failure {
                guard session.may(.overbook) else {
                    return .refusal("Not moved: \(problems.map(\.description).joined(separator: " ")) Only a doctor or an admin may overbook.")
                }
                return .modal(.push(.overbook(.move(entry, slot), problems, BookingFeature.overbookDialog(problems))))
            }
            return .refusal("Not moved: \(failure.description)")
        case let .cancel(entry):
            let options = [ChoiceDialog.Option("By the patient", detail: "they called or wrote"),
                           ChoiceDialog.Option("By the clinic", detail: "the provider cannot see them"),
                           ChoiceDialog.Option("Other reason…", detail: "type it next")]
            let dialog = ChoiceDialog(title: "Cancel \(entry.patientName)'s appointment",
                                      message: "\(DayText.moment(entry.appointment.start, today: today)) with \(entry.providerName). Who cancelled?",
                                      options: options)
            return .modal(.push(.cancelReason(entry, dialog)))
        case let .cancelConfirmed(entry, reason, series):
            return .effects(series ? .cancelSeries(entry, reason: reason, user) : .change(entry, .cancel(reason: reason), user))
        case let .noShow(entry):
            return .modal(.confirm(Confirmation(
                title: "Record a no-show?",
                message: "Record that \(entry.patientName) did not come to \(DayText.moment(entry.appointment.start, today: today)) with \(entry.providerName)?",
                yes: .changeConfirmed(entry, .markNoShow), yesLabel: "No-show")))
        case let .confirm(entry):
            return .modal(.confirm(Confirmation(
                title: "Confirm the appointment?",
                message: "Mark \(entry.patientName)'s appointment, \(DayText.moment(entry.appointment.start, today: today)) with \(entry.providerName), as confirmed?",
                yes: .changeConfirmed(entry, .confirm), yesLabel: "Confirm")))
        case let .changeConfirmed(entry, transition):
            return .effects(.change(entry, transition, user))
        case let .offer(slot, entries), let .freedSlotFits(slot, entries):
            guard !entries.isEmpty else { return .none }
            let options = entries.map { ChoiceDialog.Option($0.patientName, detail: $0.note.isEmpty ? "\($0.patientMRN)" : $0.note) }
            let dialog = ChoiceDialog(title: "Offer the slot to the waitlist",
                                      message: "\(slot.title(today: today)) is free: \(entries.count) on the waitlist fit it. Choose one to book, or Esc to leave it free.",
                                      options: options)
            return .modal(.push(.offer(slot, entries, dialog)))
        case let .followUp(patient, earlier):
            let dialog = FormDialog(title: "Follow-up for \(patient.name)",
                                    intro: "In how long? The first free slots around then"
                                        + (earlier.map { " with \($0.providerName)" } ?? "") + " follow.",
                                    fields: [FormField("In", placeholder: "2w, 10d, 3m or a day", isRequired: true)], values: ["2w"])
            return .modal(.push(.followUpWhen(patient, earlier, dialog)))
        case let .addToWaitlist(patient, provider):
            guard let patient else {
                state.awaiting = .waitlist(provider)
                return .delegate(.choosePatient(.waitlist(provider)))
            }
            let dialog = FormDialog(title: "Waitlist: \(patient.name)", intro: "Who they want to see, between which days, at what times.",
                                    fields: BookingForms.waitlistFields,
                                    values: [provider?.displayName ?? "anyone", "today", "", "any", ""])
            return Outcome(effects: state.providers.isEmpty ? [.loadProviderList] : [], modals: [.push(.waitlistAdd(patient, dialog))])
        case let .bookFromWaitlist(entry):
            let patient = PatientRef(id: entry.patientID, name: entry.patientName, mrn: entry.patientMRN)
            return .effects(.loadProviders(patient, .waitlist(entry), from: max(entry.earliest, today)))
        case let .withdraw(entry):
            let dialog = FormDialog(title: "Take \(entry.patientName) off the waitlist",
                                    fields: [FormField("Reason", placeholder: "booked elsewhere, no longer needed", isRequired: true)])
            return .modal(.push(.withdraw(entry, dialog)))
        case let .seriesChecked(draft, rule, occurrences):
            let plan = SeriesPlan(draft: draft, rule: rule, occurrences: occurrences)
            // The series form stays under the question: answering no leaves it as typed.
            guard !plan.troubled.isEmpty else { return confirmSeries(plan, plan.clean, session) }
            return .modal(.push(.seriesProblems(plan, seriesDialog(plan, session))))
        case let .alternativesFound(plan):
            guard case .seriesProblems? = context.modal else { return .none }
            return .modal(.replace(.seriesProblems(plan, seriesDialog(plan, session, selected: 1))))
        case let .seriesConfirmed(plan, starts):
            return .effects(.bookSeries(plan, starts, user))
        default:
            return .none
        }
    }

    /// After who cancelled is known: which appointments of a series, else the question.
    static func cancelWith(_ reason: String, _ entry: ScheduleEntry) -> Outcome {
        guard entry.appointment.seriesID != nil else { return .modal(.confirm(cancelQuestion(entry, reason: reason, series: false))) }
        let dialog = ChoiceDialog(title: "Cancel which appointments?", message: "\(entry.patientName)'s appointment is one of a series.",
                                  options: [ChoiceDialog.Option("This one only"), ChoiceDialog.Option("This one and every later one of the series")])
        return .modal(.push(.cancelScope(entry, reason: reason, dialog)))
    }

    static func confirmCancel(_ entry: ScheduleEntry, reason: String, series: Bool, _ session: Session) -> Outcome {
        .modal(.confirm(cancelQuestion(entry, reason: reason, series: series)))
    }

    private static func cancelQuestion(_ entry: ScheduleEntry, reason: String, series: Bool) -> Confirmation<BookingAction> {
        let what = series ? "this and every later appointment of \(entry.patientName)'s series"
            : "\(entry.patientName)'s appointment on \(entry.appointment.start.date) at \(entry.appointment.start.time) with \(entry.providerName)"
        return Confirmation(title: "Cancel?", message: "Cancel \(what)? Reason: \(reason).",
                            yes: .cancelConfirmed(entry, reason: reason, series: series), yesLabel: "Cancel it", noLabel: "Keep it")
    }

    /// Occurrences with problems: each in words, and the three ways on.
    static func seriesDialog(_ plan: SeriesPlan, _ session: Session, selected: Int = 0) -> ChoiceDialog {
        let today = session.today
        let listed = plan.troubled.map { occurrence in
            let instead = plan.alternatives[occurrence.start].map { found in
                found.map { " → \(DayText.moment($0, today: today))" } ?? " → no free slot near it"
            } ?? ""
            return "\(DayText.moment(occurrence.start, today: today)): \(occurrence.problems.map(\.description).joined(separator: " "))\(instead)"
        }.joined(separator: "; ")
        let found = plan.alternatives.values.compactMap { $0 }.count
        let instead = plan.alternatives.isEmpty ? "Book each of those at the nearest free slot instead"
            : "Book \(plan.clean.count + found) with the nearest free slots shown"
        return ChoiceDialog(
            title: "\(plan.troubled.count) of \(plan.occurrences.count) have problems",
            message: listed,
            options: [ChoiceDialog.Option("Skip those and book the other \(plan.clean.count)"), ChoiceDialog.Option(instead),
                      ChoiceDialog.Option("Go back and change the series")],
            selected: selected)
    }

    static func seriesAnswer(_ plan: SeriesPlan, _ choice: Int, _ session: Session) -> Outcome {
        switch choice {
        case 0:
            guard plan.clean.count >= 2 else { return .refusal("Only \(plan.clean.count) would be left: a series has at least 2. Change the series.") }
            return .modal(.pop) + confirmSeries(plan, plan.clean, session)
        case 1:
            guard !plan.alternatives.isEmpty else {
                return Outcome(effects: [.findAlternatives(plan)],
                               message: StatusMessage("Looking for the nearest free slot for each of the \(plan.troubled.count)…"))
            }
            let starts = (plan.clean + plan.alternatives.values.compactMap { $0 }).sorted()
            return .modal(.pop) + confirmSeries(plan, starts, session)
        default:
            return .modal(.pop)
        }
    }

    static func confirmSeries(_ plan: SeriesPlan, _ starts: [LocalDateTime], _ session: Session) -> Outcome {
        let first = starts.first.map { DayText.moment($0, today: session.today) } ?? ""
        let last = starts.last.map { DayText.moment($0, today: session.today) } ?? ""
        return .modal(.confirm(Confirmation(
            title: "Book the series?",
            message: "Book \(starts.count) appointments for \(plan.draft.patient.name) with \(plan.draft.slot.provider.displayName), \(first) to \(last)?",
            yes: .seriesConfirmed(plan, starts), yesLabel: "Book \(starts.count)")))
    }
}
