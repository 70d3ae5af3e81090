import FrontDesk
import ShippedKeymaps
import TerminalKit
import Testing

/// Commands are data exported by their feature; help, keymap validation and refusals come from them.
@Suite("Command catalog")
struct CommandCatalogTests {
    @Test func everyCommandIsOfferedByExactlyOneFeature() {
        let owners = Dictionary(grouping: AppCommands.all, by: \.name).mapValues { $0.map(\.owner) }
        let shared = owners.filter { $0.value.count != 1 }
        #expect(shared.isEmpty, "offered by several features: \(shared)")
        #expect(Set(owners.values.flatMap { $0 }) == ["shell", "patients", "schedule", "booking", "queue", "consultation", "providers", "prescriptions", "staff", "billing"],
                "every feature with keys offers its own commands")
        #expect(AppCommands.catalog.all.map(\.name) == AppCommands.all.map(\.name).sorted())
    }

    @Test func eachFeaturesCommandsSendThatFeaturesActions() {
        for command in AppCommands.all {
            let owner: String = switch command.action {
            case .shell: "shell"
            case .patients: "patients"
            case .schedule: "schedule"
            case .booking: "booking"
            case .queue: "queue"
            case .consultation: "consultation"
            case .prescriptions: "prescriptions"
            case .providers: "providers"
            case .staff: "staff"
            case .billing: "billing"
            case .event, .tick, .storeChanged, .answer: "root"
            }
            #expect(owner == command.owner, "\(command.name) is offered by \(command.owner) but sends a \(owner) action")
        }
    }

    @Test(arguments: ["default", "vim", "classic"])
    func everyCommandHasAKeyInEveryShippedKeymap(_ name: String) {
        let keymap = ShippedKeymap.load(name).keymap
        let bound = Set(AppCommands.contexts.flatMap { keymap.bindings(in: $0) }.flatMap(\.commands))
        let unbound = AppCommands.all.map(\.name).filter { !bound.contains($0) }
        #expect(unbound.isEmpty, "\(name): commands nobody can reach: \(unbound)")
    }

    @Test(arguments: ["default", "vim", "classic"])
    func everyBindingNamesACommandTheAppOffers(_ name: String) {
        let result = ShippedKeymap.load(name)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        for context in AppCommands.contexts {
            for binding in result.keymap.bindings(in: context) {
                #expect(binding.commands.allSatisfy { AppCommands.byName[$0] != nil }, "\(binding)")
            }
        }
    }

    @Test func aMistypedCommandInAUserKeymapIsReportedNotIgnored() {
        let user = KeymapSource(path: "keymap.toml", text: "[pane.schedule]\nx = \"schedule.chek-in\"\n")
        let result = Keymap.load([KeymapSource(path: "default.toml", text: ShippedKeymaps.all["default"]!), user],
                                 catalog: AppCommands.catalog, contexts: AppCommands.contexts)
        #expect(result.diagnostics.map(\.description)
                == [#"keymap.toml:2: [pane.schedule] "x": unknown command "schedule.chek-in"; the binding is ignored"#])
    }
}
