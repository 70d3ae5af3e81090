import ClinicCore
import Foundation
import FrontDesk
import TerminalKit

/// A morning in the waiting room at 10:00 on Friday 2026-11-20, for the board's pure tests.
enum BoardSamples {
    static let day = CalendarDate(iso: "2026-11-20")!
    static let utc = TimeZone(identifier: "UTC")!

    /// A visit of ticket `ticket`, arrived `arrived` minutes before 10:00, called `called` minutes before (to `room`).
    static func entry(
        _ ticket: Int, _ family: String, _ given: String, arrived: Int, status: QueueStatus = .waiting,
        room: String? = nil, called: Int? = nil, priority: QueuePriority = .normal
    ) -> WaitingRoomEntry {
        let visit = Visit(
            id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-0000000004\(Digits.padded(ticket, 2))")!),
            patientID: EntityID(UUID(uuidString: "00000000-0000-7000-8000-0000000005\(Digits.padded(ticket, 2))")!),
            appointmentID: nil, providerID: nil, day: day, arrivedAt: minutesBefore(arrived), priority: priority,
            status: status, room: room, calledAt: called.map(minutesBefore), ticket: ticket)
        return WaitingRoomEntry(visit: visit, familyName: family, givenName: given)
    }

    static func minutesBefore(_ minutes: Int) -> Date {
        TestSessions.now.addingTimeInterval(Double(-60 * minutes))
    }

    /// Ticket 12 just called to Room 3; 9 and 11 called before (11 now in the room, 9 done); 7
    /// called and taken back; 14, 15 (urgent, arrived last), 16 and 17 waiting in five scripts; 8 left.
    static let morning: [WaitingRoomEntry] = [
        entry(9, "Okafor", "Chidi", arrived: 70, status: .done, room: "1", called: 50),
        entry(11, "García", "José", arrived: 55, status: .inConsultation, room: "Room 2", called: 30),
        entry(7, "Østergaard", "Søren", arrived: 80, status: .waiting),
        entry(8, "Brown", "Amy", arrived: 75, status: .left),
        entry(12, "Smith", "John", arrived: 40, status: .called, room: "Room 3", called: 2),
        entry(14, "Nguyễn", "Thị Hương", arrived: 25),
        entry(16, "王", "小明", arrived: 15),
        entry(17, "محمد", "عبد الله", arrived: 10),
        entry(15, "शर्मा", "अनिता", arrived: 5, priority: .urgent),
    ]

    static func state(
        _ entries: [WaitingRoomEntry] = morning, names: BoardNames = .initials,
        size: Size = Size(width: 80, height: 24),
        connection: BoardConnection = .live
    ) -> BoardState {
        var state = BoardState(
            clinicName: "Riverside Clinic", names: names, now: TestSessions.now, timeZone: utc, size: size)
        state.model = BoardModel(entries: entries, names: names)
        state.day = day
        state.lastRead = TestSessions.now
        state.connection = connection
        return state
    }
}
