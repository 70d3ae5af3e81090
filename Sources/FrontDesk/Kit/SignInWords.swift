import ClinicCore
public import Foundation

/// What the sign-in screen and `--as` say when a sign-in is refused.
public enum SignInWords {
    public static let wrong = "Wrong username or password."

    /// `Too many wrong passwords: this username is locked until 14:35 …`
    public static func locked(until: Date, timeZone: TimeZone) -> String {
        let time = ClockText.time(until.addingTimeInterval(59), timeZone: timeZone)  // a lock ending 14:34:10 is over by 14:35
        return "Too many wrong passwords: this username is locked until \(time). An admin can unlock it sooner."
    }

    /// The refusal, with a warning once few tries are left before the lock.
    public static func refused(remaining: Int) -> String {
        remaining <= 2 ? "\(wrong) \(remaining) more wrong and this username is locked for a while." : wrong
    }
}
