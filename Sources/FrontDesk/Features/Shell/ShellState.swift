public import Foundation
public import ClinicCore
public import TerminalKit

/// The shell: the sign-in screen and what the status line shows about the clinic and sync.
public struct ShellState: Hashable, Sendable {
    public let clinicName: String
    public var signIn = SignInState()
    public var sync = SyncStatus()
    /// Shown in the status line until the problem is mended (checked at each sign-in).
    public var warnings: [IntegrityWarning] = []
    public var integrityChecked = false
    /// This sign-in's session, once recorded.
    public var sessionID: UUID?
    /// When the session was last marked active (at most once a minute).
    public var sessionTouchedAt: Date?

    public init(clinicName: String) {
        self.clinicName = clinicName
    }
}

/// Something wrong with the clinic database that staff must hear about: a word for the status
/// line and the whole sentence for the message line and the log.
public struct IntegrityWarning: Hashable, Sendable {
    public var short: String
    public var detail: String

    public init(short: String, detail: String) {
        self.short = short
        self.detail = detail
    }
}

/// The sign-in form.
public struct SignInState: Hashable, Sendable {
    /// Username and password.
    public var form = FormState(values: ["", ""])
    public var error: String?
    public var isChecking = false
    /// Why the screen is locked and whose work waits (nil on a plain sign-in screen).
    public var notice: String?
    /// Signed in with a temporary password: this user types a new one twice before going on.
    public var choosingFor: User?
    /// The screen was locked for the user to change their password: once their current one is
    /// checked, they choose the new one.
    public var changingPassword = false

    public init() {}
}
