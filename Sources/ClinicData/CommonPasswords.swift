import Foundation

/// Passwords too common to allow, from `data/passwords/common.txt` (``PasswordPolicy`` refuses them).
public enum CommonPasswords {
    /// Every listed password, lowercased.
    public static let all: Set<String> = parse(String(decoding: PackageResources.common_txt, as: UTF8.self))

    /// One password per line; `#` starts a comment line; blank lines are skipped.
    static func parse(_ text: String) -> Set<String> {
        var passwords: Set<String> = []
        for line in text.split(separator: "\n") {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            passwords.insert(entry.lowercased())
        }
        return passwords
    }
}
