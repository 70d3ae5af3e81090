extension ProviderDay {
    /// The partial-day exceptions of `date` as breaks inside `hours`, clipped to them, labelled
    /// in words (`leave: Course`), earliest first.
    func partialBreaks(on date: CalendarDate, within hours: TimeRange) -> [ScheduleBreak] {
        exceptions.filter { $0.covers(date) }
            .compactMap { exception -> ScheduleBreak? in
                guard let taken = exception.hours, taken.overlaps(hours),
                      let clipped = TimeRange(start: max(taken.start, hours.start), end: min(taken.end, hours.end))
                else { return nil }
                return ScheduleBreak(range: clipped, label: exception.words)
            }
            .sorted { $0.range.start < $1.range.start }
    }

    /// Whether `breaks` (sorted by start) leave nothing of `hours`.
    static func fill(_ hours: TimeRange, _ breaks: [ScheduleBreak]) -> Bool {
        var reached = hours.start
        for pause in breaks where pause.range.start <= reached {
            reached = max(reached, pause.range.end)
        }
        return reached >= hours.end
    }
}
