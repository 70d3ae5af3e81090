/// Partial days (migration `v6-exception-hours`): leave or a closure for part of each day it
/// covers, as minutes of the day; both empty for whole days.
enum ExceptionHoursSchema {
    static let statements: [String] = [
        "ALTER TABLE schedule_exception ADD COLUMN start_minute INTEGER",
        "ALTER TABLE schedule_exception ADD COLUMN end_minute INTEGER",
    ]
}
