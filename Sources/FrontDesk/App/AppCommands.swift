public import TerminalKit

/// One command of the app, from the one feature that offers it.
public struct AppCommand: Sendable {
    public let name: String
    public let description: String
    public let contexts: Set<String>?
    /// The feature that offers and handles it.
    public let owner: String
    /// What it sends.
    public let action: AppAction
    /// Why it cannot run now, for this user in this state.
    let disabledReason: @Sendable (AppState) -> String?

    /// Why it cannot run in `state`; nil when it can.
    public func whyDisabled(in state: AppState) -> String? { disabledReason(state) }
}

/// Every command, gathered from the features' exported specs: help, keymap validation and
/// refusals all come from here.
public enum AppCommands {
    public static let all: [AppCommand] =
        lift(ShellFeature.commands, owner: "shell", state: { $0.shell }, action: AppAction.shell)
        + lift(PatientsFeature.commands, owner: "patients", state: { $0.patients }, action: AppAction.patients)
        + lift(ScheduleFeature.commands, owner: "schedule", state: { $0.schedule }, action: AppAction.schedule)
        + lift(BookingFeature.commands, owner: "booking", state: { $0.booking }, action: AppAction.booking)
        + lift(QueueFeature.commands, owner: "queue", state: { $0.queue }, action: AppAction.queue)
        + lift(ConsultationFeature.commands, owner: "consultation", state: { $0.consultation }, action: AppAction.consultation)
        + lift(PrescriptionsFeature.commands, owner: "prescriptions", state: { $0.prescriptions },
               action: AppAction.prescriptions)
        + lift(ProvidersFeature.commands, owner: "providers", state: { $0.providers }, action: AppAction.providers)
        + lift(StaffFeature.commands, owner: "staff", state: { $0.staff }, action: AppAction.staff)
        + lift(BillingFeature.commands, owner: "billing", state: { $0.billing }, action: AppAction.billing)

    /// The command of each name.
    public static let byName: [String: AppCommand] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// What keymaps are checked against and help describes commands with.
    public static let catalog = CommandCatalog(all.map { CommandInfo($0.name, $0.description, contexts: $0.contexts) })

    /// Every keymap context a ClinicDesk keymap may use.
    public static let contexts: Set<String> = KeymapContext.standard
        .union([FrontDeskContexts.filter, ShellFeature.loginContext, ScheduleFeature.context, BookingFeature.slotsContext, QueueFeature.context,
                PrescriptionsFeature.context])
        .union(PatientsFeature.contexts)
        .union(ConsultationFeature.contexts)
        .union(ProvidersFeature.contexts)
        .union(StaffFeature.contexts)
        .union(BillingFeature.contexts)

    private static func lift<State: Sendable, Action: Hashable & Sendable>(
        _ specs: [CommandSpec<State, Action>], owner: String, state: @escaping @Sendable (AppState) -> State,
        action: @escaping @Sendable (Action) -> AppAction
    ) -> [AppCommand] {
        specs.map { spec in
            AppCommand(name: spec.name, description: spec.description, contexts: spec.contexts, owner: owner,
                       action: action(spec.action),
                       disabledReason: { app in spec.disabledReason(state(app), app.session) })
        }
    }
}

/// Keymap contexts, by the names keymap files use (kept for callers that load keymaps).
public enum AppContexts {
    /// Every context a ClinicDesk keymap may use.
    public static var all: Set<String> { AppCommands.contexts }
}
