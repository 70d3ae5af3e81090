public import ClinicCore
public import TerminalKit

/// The shell: the sign-in screen and what the status line shows about the clinic and sync.
public struct ShellState: Hashable, Sendable {
    public let clinicName: String
    public var signIn = SignInState()
    public var sync = SyncStatus()

    public init(clinicName: String) {
        self.clinicName = clinicName
    }
}

/// The sign-in form.
public struct SignInState: Hashable, Sendable {
    /// Username and password.
    public var form = FormState(values: ["", ""])
    public var error: String?
    public var isChecking = false

    public init() {}
}
