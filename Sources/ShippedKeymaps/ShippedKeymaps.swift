/// Keymaps shipped inside the binary, from the top-level `keymaps/` folder.
///
/// A separate target from the themes because both folders hold a `default.toml`, and a
/// target's embedded resources are named by file name alone.
public enum ShippedKeymaps {
    /// Keymap name → TOML text. `default` is the base; the others are applied over it.
    public static var all: [String: String] {
        ["default": text(PackageResources.default_toml), "vim": text(PackageResources.vim_toml),
         "classic": text(PackageResources.classic_toml)]
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
