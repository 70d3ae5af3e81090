import ClinicCore
import Foundation
import FrontDesk
import TOMLKit

/// `~/.config/clinicdesk/config.toml`: which theme, keymap and database to use, how dates are read,
/// and how the waiting-room board names people.
///
/// ```toml
/// theme = "light"          # a file in themes/ or ~/.config/clinicdesk/themes/
/// keymap = "vim"           # default, vim or classic; ~/.config/clinicdesk/keymap.toml goes on top
/// database = "/srv/clinic/clinic.sqlite"
/// date_order = "dmy"       # how 7/3/1984 is read: dmy (7 March) or mdy (3 July)
/// late_after_minutes = 30  # a patient waiting this long is shown as late
/// lock_after_failures = 5  # this many wrong passwords in a row lock a username…
/// lock_minutes = 15        # …for this long (an admin can unlock sooner)
/// idle_lock_minutes = 5    # the screen locks after this long without a key (0.1 to 240)
/// board_names = "initials" # what `clinicdesk board` shows beside a ticket: initials, full or none
/// paper = "a4"             # printed slips: a4 or letter
/// printer = "front-desk"   # the CUPS printer slips go to (lp); without it they are written as PDF
/// currency = "INR"         # the clinic's currency (ISO 4217) for prices, invoices and receipts
/// backup_passphrase_file = "/etc/clinicdesk/backup-passphrase"  # for `clinicdesk backup --encrypt` with nobody to ask
/// ```
struct AppConfiguration: Equatable {
    var theme = "default"
    var keymap = "default"
    var database: String?
    var dateOrder: DateOrder = .dayMonthYear
    var lateAfterMinutes = 30
    var lockout = SignInLockout.standard
    var idleLockSeconds = AppSettings.defaultIdleLockSeconds
    var boardNames: BoardNames = .initials
    var paper = "a4"
    var printer: String?
    var currency = Currency.rupee
    var backupPassphraseFile: String?

    static let knownKeys = ["theme", "keymap", "database", "date_order", "late_after_minutes", "lock_after_failures", "lock_minutes", "idle_lock_minutes",
                            "board_names", "paper", "printer", "currency", "backup_passphrase_file"]

    /// The user's configuration file (`~/.config/clinicdesk/config.toml`).
    static func loadDefault() throws(ConfigurationError) -> AppConfiguration {
        try load(from: ClinicPaths.configDirectory().appendingPathComponent("config.toml"))
    }

    /// Reads the file; a missing file means the defaults. Bad files are errors naming file, line and key.
    static func load(from url: URL) throws(ConfigurationError) -> AppConfiguration {
        guard FileManager.default.fileExists(atPath: url.path) else { return AppConfiguration() }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: url.path, line: nil, key: nil, message: "cannot read the file")
        }
        return try parse(text, file: url.path)
    }

    static func parse(_ text: String, file: String) throws(ConfigurationError) -> AppConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file, line: error.source.begin.line, key: nil, message: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigurationError(file: file, line: nil, key: nil, message: "not valid TOML")
        }
        var configuration = AppConfiguration()
        for key in table.keys {
            let line = lineNumber(of: key, in: text)
            guard knownKeys.contains(key) else {
                throw ConfigurationError(file: file, line: line, key: key,
                                         message: "unknown setting; use one of \(knownKeys.joined(separator: ", "))")
            }
            if key == "late_after_minutes" {
                guard let minutes = table[key]?.int, (1...480).contains(minutes) else {
                    throw ConfigurationError(file: file, line: line, key: key, message: "must be a whole number of minutes from 1 to 480")
                }
                configuration.lateAfterMinutes = minutes
                continue
            }
            if key == "lock_after_failures" {
                guard let count = table[key]?.int, (3...20).contains(count) else {
                    throw ConfigurationError(file: file, line: line, key: key, message: "must be a whole number of wrong passwords from 3 to 20")
                }
                configuration.lockout.maxFailures = count
                continue
            }
            if key == "idle_lock_minutes" {
                let minutes = table[key]?.double ?? table[key]?.int.map(Double.init)
                guard let minutes, (0.1...240).contains(minutes) else {
                    throw ConfigurationError(file: file, line: line, key: key, message: "must be a number of minutes from 0.1 to 240")
                }
                configuration.idleLockSeconds = Int((minutes * 60).rounded())
                continue
            }
            if key == "lock_minutes" {
                guard let minutes = table[key]?.int, (1...1440).contains(minutes) else {
                    throw ConfigurationError(file: file, line: line, key: key, message: "must be a whole number of minutes from 1 to 1440")
                }
                configuration.lockout.lockMinutes = minutes
                continue
            }
            guard let value = table[key]?.string, !value.isEmpty else {
                throw ConfigurationError(file: file, line: line, key: key, message: "must be a non-empty string in quotes")
            }
            switch key {
            case "theme": configuration.theme = value
            case "keymap": configuration.keymap = value
            case "database": configuration.database = value
            case "printer": configuration.printer = value
            case "backup_passphrase_file": configuration.backupPassphraseFile = value
            case "currency":
                guard let currency = Currency(code: value) else {
                    throw ConfigurationError(file: file, line: line, key: key,
                                             message: "must be an ISO 4217 currency code such as \"INR\", not \"\(value)\"")
                }
                configuration.currency = currency
            case "paper":
                guard ["a4", "letter"].contains(value.lowercased()) else {
                    throw ConfigurationError(file: file, line: line, key: key, message: "must be \"a4\" or \"letter\", not \"\(value)\"")
                }
                configuration.paper = value.lowercased()
            case "board_names":
                guard let names = BoardNames(rawValue: value) else {
                    throw ConfigurationError(file: file, line: line, key: key,
                                             message: "must be \"initials\", \"full\" or \"none\", not \"\(value)\"")
                }
                configuration.boardNames = names
            default:
                guard let order = DateOrder(rawValue: value) else {
                    throw ConfigurationError(file: file, line: line, key: key, message: "must be \"dmy\" or \"mdy\", not \"\(value)\"")
                }
                configuration.dateOrder = order
            }
        }
        return configuration
    }

    /// The line where `key = …` is written, for error messages (TOMLKit keeps no positions).
    static func lineNumber(of key: String, in text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(key) || trimmed.hasPrefix("\"\(key)\"") {
                let rest = trimmed.dropFirst(trimmed.hasPrefix("\"") ? key.count + 2 : key.count)
                if rest.trimmingCharacters(in: .whitespaces).hasPrefix("=") { return index + 1 }
            }
        }
        return nil
    }
}

/// A problem in a configuration, theme or keymap file: one line naming the file, line and key.
struct ConfigurationError: Error, CustomStringConvertible {
    var file: String
    var line: Int?
    var key: String?
    var message: String

    var description: String {
        "\(file)\(line.map { ":\($0)" } ?? "")\(key.map { ": \($0)" } ?? ""): \(message)"
    }
}
