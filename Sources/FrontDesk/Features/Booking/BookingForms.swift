import Foundation
public import ClinicCore
public import TerminalKit

/// The booking dialogs' fields and how their text is read: pure, so every message a person can
/// meet is tested without a terminal.
/// One field's problem, in words for the person typing.
public struct FieldMessage: Error, Hashable, Sendable {
    public let text: String
    public init(_ text: String) { self.text = text }
}

public enum BookingForms {
    // MARK: Details

    public static let detailFields = [
        FormField("Provider", isRequired: true),
        FormField("Start", placeholder: "2026-12-02 09:00 or tomorrow 10:30", isRequired: true),
        FormField("Minutes", isRequired: true),
        FormField("Kind", placeholder: "new, follow-up or walk-in", isRequired: true),
        FormField("Mode", placeholder: "in person, video or home visit", isRequired: true),
        FormField("Reason", placeholder: "optional, a few words"),
    ]

    /// The details dialog for a draft, filled in.
    public static func detailsDialog(_ draft: BookingDraft, today: CalendarDate) -> FormDialog {
        let intro = "Book \(draft.patient.title) with \(draft.slot.title(today: today)). Change anything below, then save."
        return FormDialog(title: title(draft.purpose), intro: intro, fields: detailFields, values: [
            draft.slot.provider.displayName, "\(draft.slot.start.date) \(draft.slot.start.time)", "\(draft.slot.minutes)",
            StatusWords.kind(draft.kind), StatusWords.mode(draft.mode), draft.reason,
        ])
    }

    static func title(_ purpose: BookingPurpose) -> String {
        switch purpose {
        case .book: "Book an appointment"
        case .followUp: "Book a follow-up"
        case .waitlist: "Book from the waitlist"
        case .series: "First appointment of a series"
        }
    }

    /// The draft the details dialog describes, or the problem of each field that is wrong.
    public static func details(_ values: [String], draft: BookingDraft, providers: [Provider], today: CalendarDate,
                               order: DateOrder) -> Result<BookingDraft, FieldProblems> {
        var problems: [Int: String] = [:]
        var result = draft
        switch provider(values[0], providers: providers) {
        case let .success(provider):
            if provider.id != draft.slot.provider.id { result.slot = BookSlot(provider: provider, start: draft.slot.start) }
        case let .failure(problem): problems[0] = problem.text
        }
        switch start(values[1], today: today, order: order) {
        case let .success(start): result.slot.start = start
        case let .failure(problem): problems[1] = problem.text
        }
        let step = result.slot.provider.defaultSlotMinutes
        let minutesText = values[2].trimmingCharacters(in: .whitespaces)
        // A length left as the first provider's one slot becomes one slot of the provider chosen instead.
        let untouched = result.slot.provider.id != draft.slot.provider.id && Int(minutesText) == draft.slot.minutes
            && draft.slot.minutes == draft.slot.provider.defaultSlotMinutes
        if untouched {
            result.slot.minutes = step
        } else if let minutes = Int(minutesText), (5...480).contains(minutes) {
            if minutes % step == 0 {
                result.slot.minutes = minutes
            } else {
                problems[2] = "\(result.slot.provider.displayName) books in steps of \(step) minutes: \(step), \(2 * step), \(3 * step)…"
            }
        } else {
            problems[2] = "Type the length in minutes, 5 to 480 (\(step) is one slot)."
        }
        switch choice(values[3], AppointmentKind.allCases, words: StatusWords.kind) {
        case let .some(kind): result.kind = kind
        case .none: problems[3] = "Kind is new, follow-up or walk-in."
        }
        switch choice(values[4], AppointmentMode.allCases, words: StatusWords.mode) {
        case let .some(mode): result.mode = mode
        case .none: problems[4] = "Mode is in person, video or home visit."
        }
        let reason = values[5].trimmingCharacters(in: .whitespaces)
        if reason.count > 120 { problems[5] = "Keep the reason to 120 characters (it has \(reason.count))." }
        result.reason = reason
        return problems.isEmpty ? .success(result) : .failure(FieldProblems(problems))
    }

    /// A provider by name: exactly, or the only one whose name contains every word typed.
    public static func provider(_ text: String, providers: [Provider]) -> Result<Provider, FieldMessage> {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .failure(FieldMessage("Type the provider's name.")) }
        if let exact = providers.first(where: { $0.displayName.caseInsensitiveCompare(typed) == .orderedSame }) { return .success(exact) }
        let matches = providers.filter { ListFilter.matches($0.displayName, query: typed) }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0: return .failure(FieldMessage("No provider is called “\(typed)”; there are \(names(providers))."))
        default: return .failure(FieldMessage("“\(typed)” could be \(names(matches, last: "or")); type more of the name."))
        }
    }

    /// A start typed as a day and a time: `2026-12-02 09:00`, `tomorrow 10:30`, `fri 9:15`.
    public static func start(_ text: String, today: CalendarDate, order: DateOrder) -> Result<LocalDateTime, FieldMessage> {
        let words = text.split(separator: " ").map(String.init)
        let example = "Type a day and a time, such as \(today.adding(days: 1)) 09:00 or tomorrow 10:30."
        guard words.count >= 2, let time = ClockTime(words[words.count - 1]) else { return .failure(FieldMessage(example)) }
        guard let day = DayInput.parse(words.dropLast().joined(separator: " "), today: today, order: order) else {
            return .failure(FieldMessage("“\(words.dropLast().joined(separator: " "))” is not a day. \(example)"))
        }
        return .success(LocalDateTime(date: day, time: time))
    }

    /// The one choice whose words start with what was typed.
    static func choice<Value>(_ text: String, _ all: [Value], words: (Value) -> String) -> Value? {
        let typed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !typed.isEmpty else { return nil }
        if let exact = all.first(where: { words($0) == typed }) { return exact }
        let matches = all.filter { words($0).hasPrefix(typed) }
        return matches.count == 1 ? matches[0] : nil
    }

    static func names(_ providers: [Provider], last joiner: String = "and") -> String {
        let names = providers.map(\.displayName)
        guard names.count > 1 else { return names.first ?? "none" }
        return names.dropLast().joined(separator: ", ") + " \(joiner) " + names[names.count - 1]
    }

    // MARK: Series

    public static let seriesFields = [
        FormField("Every", placeholder: "1w, 2w, 10d", isRequired: true),
        FormField("For", placeholder: "6 (times) or until 2027-03-31", isRequired: true),
    ]

    /// How a series repeats, or the problem of each field.
    public static func series(_ values: [String], today: CalendarDate, order: DateOrder) -> Result<RecurrenceRule, FieldProblems> {
        var problems: [Int: String] = [:]
        var every: (Int, RecurrenceRule.Unit)?
        if let distance = DayInput.distance(values[0]), distance.count > 0,
           distance.unit == .days || distance.unit == .weeks {
            every = (distance.count, distance.unit == .days ? .days : .weeks)
        } else if let count = Int(values[0].trimmingCharacters(in: .whitespaces)), count > 0 {
            every = (count, .weeks)
        } else {
            problems[0] = "Type how often, in days or weeks: 1w is weekly, 2w every other week, 10d every ten days."
        }
        var end: RecurrenceRule.End?
        let forText = values[1].trimmingCharacters(in: .whitespaces).lowercased()
        if let count = Int(forText.replacingOccurrences(of: " times", with: "")) {
            end = .count(count)
        } else if let day = DayInput.parse(forText.hasPrefix("until ") ? String(forText.dropFirst(6)) : forText, today: today, order: order) {
            end = .until(day)
        } else {
            problems[1] = "Type how many appointments (6) or the last day (until 2027-03-31)."
        }
        guard let every, let end, problems.isEmpty else { return .failure(FieldProblems(problems)) }
        let rule = RecurrenceRule(every: every.0, unit: every.1, end: end)
        if let problem = rule.problem { return .failure(FieldProblems([every.0 > 365 ? 0 : 1: problem])) }
        return .success(rule)
    }

    // MARK: Waitlist

    public static let waitlistFields = [
        FormField("With", placeholder: "a provider's name, or anyone", isRequired: true),
        FormField("From", isRequired: true),
        FormField("Until", placeholder: "optional: the last day that suits"),
        FormField("Times", placeholder: "mornings, afternoons, evenings or any"),
        FormField("Note", placeholder: "optional: what they are waiting for"),
    ]

    /// A waitlist entry's wishes as typed.
    public struct WaitlistWish: Hashable, Sendable {
        public var provider: Provider?
        public var earliest: CalendarDate
        public var latest: CalendarDate?
        public var times: Set<TimeOfDay>
        public var note: String
    }

    public static func waitlist(_ values: [String], providers: [Provider], today: CalendarDate,
                                order: DateOrder) -> Result<WaitlistWish, FieldProblems> {
        var problems: [Int: String] = [:]
        var provider: Provider?
        let with = values[0].trimmingCharacters(in: .whitespaces).lowercased()
        if !["anyone", "any", "anybody", ""].contains(with) {
            switch self.provider(values[0], providers: providers) {
            case let .success(found): provider = found
            case let .failure(problem): problems[0] = problem.text + " Or type anyone."
            }
        }
        let earliest = DayInput.parse(values[1], today: today, order: order)
        if earliest == nil { problems[1] = "Type the first day that suits: \(DayInput.examples(order))." }
        var latest: CalendarDate?
        if !values[2].trimmingCharacters(in: .whitespaces).isEmpty {
            latest = DayInput.parse(values[2], today: today, order: order)
            if latest == nil {
                problems[2] = "Type the last day that suits, or leave it empty."
            } else if let latest, let earliest, latest < earliest {
                problems[2] = "The last day (\(latest)) is before the first (\(earliest))."
            }
        }
        var times = Set<TimeOfDay>()
        for word in values[3].lowercased().split(whereSeparator: { $0 == "," || $0 == " " }) where !["any", "anytime", "and"].contains(String(word)) {
            if let time = TimeOfDay.allCases.first(where: { $0.rawValue.hasPrefix(word.hasSuffix("s") ? String(word.dropLast()) : String(word)) }) {
                times.insert(time)
            } else {
                problems[3] = "Times are mornings, afternoons and evenings (or any), not “\(word)”."
            }
        }
        let note = values[4].trimmingCharacters(in: .whitespaces)
        if note.count > 200 { problems[4] = "Keep the note to 200 characters (it has \(note.count))." }
        guard problems.isEmpty, let earliest else { return .failure(FieldProblems(problems)) }
        return .success(WaitlistWish(provider: provider, earliest: earliest, latest: latest, times: times, note: note))
    }
}
