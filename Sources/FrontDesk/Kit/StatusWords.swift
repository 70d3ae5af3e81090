public import ClinicCore

/// One vocabulary for statuses, at every screen size (meaning never by colour alone).
public enum StatusWords {
    /// `booked`, `confirmed`, `checked in`, `in consult`, `done`, `cancelled`, `no-show`, `done, f/u`.
    public static func appointment(_ status: AppointmentStatus) -> String {
        switch status {
        case .booked: "booked"
        case .confirmed: "confirmed"
        case .checkedIn: "checked in"
        case .inConsultation: "in consult"
        case .completed: "done"
        case .cancelled: "cancelled"
        case .noShow: "no-show"
        case .followUpBooked: "done, f/u"
        }
    }

    /// `waiting`, `called`, `in room`, `done`, `left`.
    public static func visit(_ status: QueueStatus) -> String {
        switch status {
        case .waiting: "waiting"
        case .called: "called"
        case .inConsultation: "in room"
        case .done: "done"
        case .left: "left"
        }
    }

    /// The widest appointment word, for column widths.
    public static let appointmentWidth = 10
}
