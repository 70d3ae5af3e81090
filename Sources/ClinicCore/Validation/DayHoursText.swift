import Foundation

/// One weekday's hours as an admin types them: working spans in order, `08:30-12:30, 13:30-17:00`
/// (the gaps between them are the breaks), or `off`. Reading says what is wrong in words, quoting it.
public enum DayHoursText {
    /// The label of a break that a gap between spans makes, unless the day had it with a name.
    public static let breakLabel = "break"

    /// The day's hours and breaks, nil for a day off (`off` or nothing), or the problem.
    ///
    /// - Parameter existing: the day's breaks as saved, so a gap typed again keeps its name (`lunch`).
    public static func parse(_ text: String, weekday: Int, keeping existing: [ScheduleBreak] = [])
        -> Result<WorkingDay?, FieldProblem>
    {
        let field = BookingRules.weekdayNames[(weekday + 6) % 7]
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if ["", "off", "-", "closed", "none"].contains(trimmed.lowercased()) { return .success(nil) }
        var spans: [TimeRange] = []
        for part in trimmed.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            switch span(String(part), field: field) {
            case let .failure(problem): return .failure(problem)
            case let .success(range):
                if let last = spans.last, range.start < last.end {
                    return .failure(FieldProblem(field: field, message: "\(range) starts before \(last) ends: list the spans in order, apart."))
                }
                spans.append(range)
            }
        }
        guard let first = spans.first, let last = spans.last, let hours = TimeRange(start: first.start, end: last.end) else {
            return .failure(FieldProblem(field: field, message: "Type the hours, e.g. 08:30-12:30, 13:30-17:00, or “off”."))
        }
        let breaks = zip(spans, spans.dropFirst()).compactMap { before, after -> ScheduleBreak? in
            guard let gap = TimeRange(start: before.end, end: after.start) else { return nil }
            return ScheduleBreak(range: gap, label: existing.first { $0.range == gap }?.label ?? breakLabel)
        }
        return .success(WorkingDay(weekday: weekday, hours: hours, breaks: breaks))
    }

    /// One span, `13:00-17:00` (also with `–` or ` to `), or the problem with it.
    public static func span(_ text: String, field: String) -> Result<TimeRange, FieldProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let normalized = trimmed.replacingOccurrences(of: " to ", with: "-").replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-")
        let ends = normalized.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard ends.count == 2, !ends[0].isEmpty, !ends[1].isEmpty else {
            return .failure(FieldProblem(field: field, message: "“\(trimmed)” is not a span of time: write it as 08:30-12:30."))
        }
        guard let start = ClockTime(ends[0]) else {
            return .failure(FieldProblem(field: field, message: "“\(ends[0])” is not a time of day: write HH:MM, e.g. 08:30."))
        }
        guard let end = ClockTime(ends[1]) else {
            return .failure(FieldProblem(field: field, message: "“\(ends[1])” is not a time of day: write HH:MM, e.g. 17:00."))
        }
        guard let range = TimeRange(start: start, end: end) else {
            return .failure(FieldProblem(field: field, message: "In “\(trimmed)” the end \(end) is not after the start \(start)."))
        }
        return .success(range)
    }

    /// The text that reads back as `template`: `08:30-12:30, 13:30-17:00`, or `off`.
    public static func format(_ template: ScheduleTemplate?) -> String {
        format(template.map(WorkingDay.init))
    }

    /// The text that reads back as `day`: `08:30-12:30, 13:30-17:00`, or `off`.
    public static func format(_ day: WorkingDay?) -> String {
        guard let day else { return "off" }
        var spans: [String] = []
        var start = day.hours.start
        for pause in day.breaks.sorted(by: { $0.range.start < $1.range.start }) {
            if pause.range.start > start { spans.append("\(start)-\(pause.range.start)") }
            start = max(start, pause.range.end)
        }
        if start < day.hours.end { spans.append("\(start)-\(day.hours.end)") }
        return spans.isEmpty ? "off" : spans.joined(separator: ", ")
    }
}

extension WorkingDay {
    /// The weekday of a saved weekly schedule, as it would be entered again.
    public init(_ template: ScheduleTemplate) {
        self.init(weekday: template.weekday, hours: template.hours, breaks: template.breaks)
    }
}
