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

    /// The word a booked cell of the appointment book adds after the name where room is short:
    /// nothing for booked (a name in a slot is a booking), `conf`, `here`, `seen`, `done`.
    public static func appointmentShort(_ status: AppointmentStatus) -> String {
        switch status {
        case .booked: ""
        case .confirmed: "conf"
        case .checkedIn: "here"
        case .inConsultation: "seen"
        case .completed, .followUpBooked: "done"
        case .cancelled: "canc"
        case .noShow: "miss"
        }
    }

    /// `new`, `follow-up`, `walk-in`.
    public static func kind(_ kind: AppointmentKind) -> String { kind.rawValue }

    /// `in person`, `video`, `home visit`.
    public static func mode(_ mode: AppointmentMode) -> String {
        switch mode {
        case .inPerson: "in person"
        case .video: "video"
        case .home: "home visit"
        }
    }

    /// The widest appointment word, for column widths.
    public static let appointmentWidth = 10
}
