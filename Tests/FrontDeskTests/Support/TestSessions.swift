import ClinicCore
import Foundation
import FrontDesk
import TerminalKit

/// Fixed people and times for pure reducer tests.
enum TestSessions {
    /// Friday 2026-11-20, 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_168_800)
    static let receptionist = User(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000001")!),
                                   username: "rosa", displayName: "Rosa Díaz", role: .receptionist)
    static let doctor = User(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000002")!),
                             username: "amina", displayName: "Dr Amina Haddad", role: .doctor)

    static func session(_ user: User? = receptionist, size: Size = Size(width: 120, height: 32)) -> Session {
        Session(user: user, now: now, timeZone: TimeZone(identifier: "UTC")!, dateOrder: .dayMonthYear, size: size)
    }
}
