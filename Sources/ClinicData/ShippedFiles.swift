/// Themes shipped inside the binary, from the top-level `themes/` folder.
public enum ShippedThemes {
    /// Theme name → TOML text.
    public static var all: [String: String] {
        [
            "default": text(PackageResources.default_toml), "light": text(PackageResources.light_toml),
            "high-contrast": text(PackageResources.high_contrast_toml), "mono": text(PackageResources.mono_toml),
            "ansi16": text(PackageResources.ansi16_toml),
        ]
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
