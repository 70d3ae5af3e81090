public import ClinicCore

/// How the waiting-room board names the people it shows beside their ticket.
///
/// Initials by default: a waiting room is public, and a ticket with initials is enough for a
/// patient to be sure the call is theirs. `clinicdesk board --names` or `board_names` in
/// the configuration file chooses another.
public enum BoardNames: String, CaseIterable, Hashable, Sendable {
    /// `S. J.` for Smith, John (the default).
    case initials
    /// `Smith, John`, as the desk's lists show the name.
    case full
    /// Tickets only.
    case none

    /// What the board shows for a patient of these names; nil when names are hidden (or there is none).
    public func label(family: String, given: String) -> String? {
        switch self {
        case .none:
            return nil
        case .full:
            let name = PatientDetails(familyName: family, givenName: given).displayName
            return name.isEmpty ? nil : name
        case .initials:
            let initials = PatientInitials.of(family: family, given: given)
            return initials.isEmpty ? nil : initials
        }
    }
}
