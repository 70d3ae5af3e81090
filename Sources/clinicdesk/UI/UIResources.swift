import ClinicData
import Foundation
import FrontDesk
import ShippedKeymaps
import TerminalKit

/// Loads the theme and keymap the configuration names, before the screen is taken, so a
/// bad file stops the program with one clear line instead of a broken screen.
enum UIResources {
    /// Shipped themes first, then `~/.config/clinicdesk/themes/` (a user theme of the same name wins).
    static func theme(named name: String) throws -> Theme {
        let loader = ThemeLoader(locations: [
            .memory(label: "themes", themes: ShippedThemes.all),
            .directory(ClinicPaths.configDirectory().appendingPathComponent("themes")),
        ])
        let result: ThemeLoadResult
        do {
            result = try loader.load(name)
        } catch {
            throw CommandFailure("\(error) — available: \(loader.themeNames().joined(separator: ", "))")
        }
        if let warning = result.warnings.first { throw CommandFailure(warning.description) }
        return result.theme
    }

    /// The shipped default keys, the named keymap over them, and `~/.config/clinicdesk/keymap.toml` over both.
    static func keymap(named name: String) throws -> Keymap {
        let shipped = ShippedKeymaps.all
        guard let variant = shipped[name] else {
            throw CommandFailure("keymap \"\(name)\" not found — available: \(shipped.keys.sorted().joined(separator: ", "))")
        }
        var sources = [KeymapSource(path: "keymaps/default.toml", text: shipped["default"]!)]
        if name != "default" { sources.append(KeymapSource(path: "keymaps/\(name).toml", text: variant)) }
        let user = ClinicPaths.configDirectory().appendingPathComponent("keymap.toml")
        if FileManager.default.fileExists(atPath: user.path) {
            do {
                sources.append(try KeymapSource(contentsOf: user))
            } catch {
                throw CommandFailure("\(user.path): cannot read the keymap: \(error)")
            }
        }
        let result = Keymap.load(sources, catalog: AppCommands.catalog, contexts: AppContexts.all)
        if let problem = result.diagnostics.first(where: { $0.severity == .error }) ?? result.diagnostics.first {
            throw CommandFailure(problem.description)
        }
        return result.keymap
    }
}
