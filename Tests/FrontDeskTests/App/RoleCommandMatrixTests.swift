import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Every role × every command on screen: a command a role may not run says so in the words of
/// the permission matrix ("A receptionist may not prescribe."), and for exactly the roles the
/// matrix refuses; the store's permission check stays the final guard behind it.
@Suite("Commands by role in the UI")
struct RoleCommandMatrixTests {
    static func state(for role: Role) -> AppState {
        var state = AppState(clinicName: "Riverside Clinic", keymap: Keymap(), dateOrder: .dayMonthYear,
                             size: Size(width: 120, height: 32), now: TestSessions.now, timeZone: TimeZone(identifier: "UTC")!)
        state.session.user = User(id: EntityID(UUID()), username: role.rawValue, displayName: role.rawValue, role: role)
        state.screen = .main
        return state
    }

    /// The permission a refusal names, when it is a refusal by role.
    static func permission(in reason: String?, for role: Role) -> Permission? {
        guard let reason else { return nil }
        return Permission.allCases.first { reason.hasPrefix("A \(role) may not \($0).") }
    }

    @Test func aRoleIsRefusedACommandExactlyWhenTheMatrixRefusesItsPermission() {
        var gated: [String: Permission] = [:]
        for role in Role.allCases {
            let state = Self.state(for: role)
            for command in AppCommands.all {
                let reason = command.whyDisabled(in: state)
                if let permission = Self.permission(in: reason, for: role) {
                    #expect(!role.may(permission), "\(command.name) refuses a \(role) \(permission), which the matrix allows")
                    #expect(gated[command.name].map { $0 == permission } ?? true, "\(command.name) names two permissions")
                    gated[command.name] = permission
                }
            }
        }
        // Each gated command is refused to every role without its permission, and to no other.
        for role in Role.allCases {
            let state = Self.state(for: role)
            for (name, permission) in gated {
                let refusedByRole = Self.permission(in: AppCommands.byName[name]?.whyDisabled(in: state), for: role) != nil
                #expect(refusedByRole == !role.may(permission), "\(role) / \(name) (\(permission))")
            }
        }
        // The clinical and administrative gates all appear.
        let permissions = Set(gated.values)
        for expected: Permission in [.prescribe, .registerPatient, .triage, .writeClinicalNotes, .callPatient, .manageSchedules] {
            #expect(permissions.contains(expected), "no command is gated by \(expected)")
        }
        #expect(gated["app.lock"] == nil && gated["help.toggle"] == nil, "everyone may lock the screen and read help")
    }
}
