import ClinicCore
import Foundation
import TerminalKit

/// The providers screen's forms: how each is filled, and how it is read into what the store
/// saves, or into problems by field (nothing is saved while any field has one).
extension ProvidersFeature {
    static let nameField = 0
    static let specialtyField = 1
    static let slotField = 2
    static let userField = 3

    static func providerForm(_ purpose: ProviderFormPurpose, roster: ProviderRoster?) -> FormDialog {
        let fields = [
            FormField("Name", placeholder: "e.g. Dr Amina Haddad", isRequired: true),
            FormField("Specialty", placeholder: "e.g. General practice, Paediatrics", isRequired: true),
            FormField("Slot minutes", placeholder: "standard appointment length, 5 to 240", isRequired: true),
            FormField("Signs in as", placeholder: "their username, or empty if they do not sign in"),
        ]
        switch purpose {
        case .add:
            return FormDialog(title: "Add a provider", fields: fields, values: ["", "", "15", ""])
        case let .edit(provider):
            let username = provider.userID.flatMap { id in roster?.users.first { $0.id == id }?.username } ?? ""
            return FormDialog(title: "Edit \(provider.displayName)", fields: fields,
                              values: [provider.displayName, provider.specialty.rawValue, "\(provider.defaultSlotMinutes)", username])
        }
    }

    /// The provider form read, or its problems by field.
    static func readProvider(_ form: FormDialog, roster: ProviderRoster?, editing: Provider?) -> Result<ProviderDraft, FieldProblems> {
        var errors: [Int: String] = [:]
        let name = NameRule.tidy(form.text(nameField))
        if let problem = NameRule.problem(with: name, label: "the provider's name") {
            errors[nameField] = name.isEmpty ? "Type the provider's name, e.g. Dr Amina Haddad." : problem
        }
        let specialty = NameRule.tidy(form.text(specialtyField))
        if specialty.isEmpty { errors[specialtyField] = "Type a specialty, e.g. General practice." }
        let minutesText = form.text(slotField).trimmingCharacters(in: .whitespaces)
        let minutes = Int(minutesText)
        if minutes == nil {
            errors[slotField] = "“\(minutesText)” is not a number of minutes: type e.g. 15."
        } else if let minutes, !(5...240).contains(minutes) {
            errors[slotField] = "A slot is 5 to 240 minutes, not \(minutes)."
        }
        var userID: EntityID<User>?
        let username = form.text(userField).trimmingCharacters(in: .whitespaces).lowercased()
        if !username.isEmpty, username != "none" {
            if let user = roster?.users.first(where: { $0.username == username }) {
                if let other = roster?.provider(linkedTo: user.id), other.id != editing?.id {
                    errors[userField] = "\(username) already sees patients as \(other.displayName); a user is one provider."
                } else {
                    userID = user.id
                }
            } else {
                errors[userField] = "No active user “\(username)”: type an existing username, or leave it empty."
            }
        }
        guard errors.isEmpty, let minutes else { return .failure(FieldProblems(errors)) }
        return .success(ProviderDraft(displayName: name, specialty: Specialty(rawValue: specialty), defaultSlotMinutes: minutes,
                                      userID: userID))
    }

    static func hoursForm(_ provider: Provider, week: [ScheduleTemplate]) -> FormDialog {
        let fields = ProvidersText.fullDayNames.map { FormField($0, placeholder: "e.g. 08:30-12:30, 13:30-17:00, or off") }
        let values = (1...7).map { weekday in DayHoursText.format(week.first { $0.weekday == weekday }) }
        return FormDialog(title: "Weekly hours — \(provider.displayName)",
                          intro: "One line per weekday: the spans worked, in order (the gaps between them are breaks), or “off”.",
                          fields: fields, values: values)
    }

    /// The weekly hours form read: the days worked, or each wrong line's problem.
    static func readHours(_ form: FormDialog, week: [ScheduleTemplate]) -> Result<[WorkingDay], FieldProblems> {
        var days: [WorkingDay] = []
        var errors: [Int: String] = [:]
        for weekday in 1...7 {
            let existing = week.first { $0.weekday == weekday }?.breaks ?? []
            switch DayHoursText.parse(form.text(weekday - 1), weekday: weekday, keeping: existing) {
            case let .success(day): if let day { days.append(day) }
            case let .failure(problem): errors[weekday - 1] = problem.message
            }
        }
        return errors.isEmpty ? .success(days) : .failure(FieldProblems(errors))
    }

    static let firstDayField = 0
    static let lastDayField = 1
    static let exceptionHoursField = 2
    static let exceptionReasonField = 3

    static func exceptionForm(_ purpose: ExceptionPurpose, today: CalendarDate) -> FormDialog {
        let example = purpose == .holiday ? "e.g. Public holiday" : "e.g. Annual leave, Conference"
        let fields = [
            FormField("First day", placeholder: "e.g. \(today)", isRequired: true),
            FormField("Last day", placeholder: "empty: the first day only"),
            FormField("Hours", placeholder: "empty: whole days; 13:00-17:00 for part of each day"),
            FormField("Reason", placeholder: example, isRequired: true),
        ]
        let title = switch purpose {
        case let .leave(provider): "Leave — \(provider.displayName)"
        case .holiday: "Clinic holiday — every provider"
        }
        return FormDialog(title: title, intro: "Appointments already booked in this time stay booked; they are listed next, to rebook.",
                          fields: fields, values: ["\(today)", "", "", ""])
    }

    /// The leave or holiday form read, or its problems by field.
    static func readException(_ form: FormDialog, _ purpose: ExceptionPurpose, session: Session) -> Result<ExceptionDraft, FieldProblems> {
        var errors: [Int: String] = [:]
        let firstText = form.text(firstDayField).trimmingCharacters(in: .whitespaces)
        // Days are read as in the book: 2026-12-24, 24/12, tomorrow, fri, +2w.
        let first = DayInput.parse(firstText, today: session.today, order: session.dateOrder)
        if first == nil {
            errors[firstDayField] = firstText.isEmpty ? "Type the first day, e.g. \(session.today)."
                : "“\(firstText)” is not a day: type \(DayInput.examples(session.dateOrder))."
        } else if let first, first < session.today {
            errors[firstDayField] = "\(first) has passed: time off starts today (\(session.today)) or later."
        }
        let lastText = form.text(lastDayField).trimmingCharacters(in: .whitespaces)
        var last = first
        if !lastText.isEmpty {
            last = DayInput.parse(lastText, today: session.today, order: session.dateOrder)
            if last == nil {
                errors[lastDayField] = "“\(lastText)” is not a day: type \(DayInput.examples(session.dateOrder)), or leave it empty."
            } else if let first, let last, last < first {
                errors[lastDayField] = "The last day \(last) is before the first day \(first)."
            }
        }
        let hoursText = form.text(exceptionHoursField).trimmingCharacters(in: .whitespaces)
        var hours: TimeRange?
        if !hoursText.isEmpty {
            switch DayHoursText.span(hoursText, field: "hours") {
            case let .success(range): hours = range
            case let .failure(problem): errors[exceptionHoursField] = problem.message
            }
        }
        let reason = NameRule.tidy(form.text(exceptionReasonField))
        if reason.isEmpty {
            errors[exceptionReasonField] = purpose == .holiday ? "Say why the clinic is closed, e.g. Public holiday."
                : "Say why, e.g. Annual leave or Conference."
        }
        guard errors.isEmpty, let first, let last else { return .failure(FieldProblems(errors)) }
        let provider: EntityID<Provider>? = if case let .leave(provider) = purpose { provider.id } else { nil }
        return .success(ExceptionDraft(providerID: provider, kind: purpose == .holiday ? .holiday : .leave, firstDay: first,
                                       lastDay: last, hours: hours, reason: reason))
    }

    static func withdrawForm(_ exception: ScheduleException, whose: String) -> FormDialog {
        FormDialog(title: "Withdraw \(exception.when)",
                   intro: "\(whose.capitalizedFirst): \(exception.reason). The time can be booked again once it is withdrawn.",
                   fields: [FormField("Reason", placeholder: "e.g. Recorded by mistake, Plans changed", isRequired: true)])
    }
}
