import FrontDesk
import ShippedKeymaps
import TerminalKit

/// The shipped keymaps, loaded the way the executable loads them.
enum ShippedKeymap {
    static func load(_ name: String = "default") -> KeymapLoadResult {
        var sources = [KeymapSource(path: "keymaps/default.toml", text: ShippedKeymaps.all["default"]!)]
        if name != "default" { sources.append(KeymapSource(path: "keymaps/\(name).toml", text: ShippedKeymaps.all[name]!)) }
        return Keymap.load(sources, catalog: AppCommands.catalog, contexts: AppContexts.all)
    }

    static var `default`: Keymap { load().keymap }
}
