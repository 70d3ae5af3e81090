public import Foundation

/// How backups of a database are named in their folder, and which `--keep N` removes: a backup
/// of `clinic.sqlite` made at 02:15:00 on 8 December 2026 (UTC) is `clinic-20261208-021500.sqlite`
/// (`.sqlite.cdbk` when encrypted), so names sort by age and other files are never touched.
public enum BackupNames {
    public static let encryptedSuffix = ".cdbk"

    public static func name(of database: String, at date: Date, encrypted: Bool) -> String {
        let stem = stem(of: database)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let stamp = "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))-\(two(parts.hour))\(two(parts.minute))\(two(parts.second))"
        return "\(stem)-\(stamp).sqlite" + (encrypted ? encryptedSuffix : "")
    }

    /// Of the files `names` in a folder, the backups of `database` to remove so that the newest
    /// `keep` remain (oldest first); files that are not its backups are never listed.
    public static func toRemove(_ names: [String], of database: String, keep: Int) -> [String] {
        let backups = names.filter { isBackup($0, of: database) }.sorted { stamp($0) < stamp($1) }
        return Array(backups.dropLast(max(keep, 0)))
    }

    static func isBackup(_ name: String, of database: String) -> Bool {
        let prefix = stem(of: database) + "-"
        guard name.hasPrefix(prefix) else { return false }
        var rest = Substring(name.dropFirst(prefix.count))
        if rest.hasSuffix(encryptedSuffix) { rest = rest.dropLast(encryptedSuffix.count) }
        guard rest.hasSuffix(".sqlite") else { return false }
        let stamp = Array(rest.dropLast(".sqlite".count))
        return stamp.count == 15 && stamp[8] == "-" && stamp.enumerated().allSatisfy { $0.offset == 8 || $0.element.isASCII && $0.element.isNumber }
    }

    private static func stamp(_ name: String) -> String {
        let withoutSuffix = name.hasSuffix(encryptedSuffix) ? String(name.dropLast(encryptedSuffix.count)) : name
        return String(withoutSuffix.dropLast(".sqlite".count).suffix(15))
    }

    private static func stem(of database: String) -> String {
        let file = URL(fileURLWithPath: database).lastPathComponent
        return file.hasSuffix(".sqlite") ? String(file.dropLast(".sqlite".count)) : file
    }
}
