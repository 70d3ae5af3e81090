import ArgumentParser
import ClinicStore
import Foundation

/// `--db PATH`, defaulting to the clinic database in the XDG data directory.
struct DatabaseOption: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("The clinic database file.", valueName: "path"))
    var path: String?

    /// The path given, or `default` (a file name) in `$XDG_DATA_HOME/clinicdesk/`.
    func resolved(default fileName: String = "clinic.sqlite") -> String {
        if let path { return ClinicPaths.expand(path) }
        return ClinicPaths.dataDirectory().appendingPathComponent(fileName).path
    }

    /// Opens the clinic database, warning on standard error when every account on this
    /// computer can read it.
    func openStore() throws -> ClinicStore {
        let path = resolved()
        let store = try ClinicStore.open(at: path)
        FileAccess.warnIfExposed(path)
        return store
    }
}

extension FileAccess {
    /// Prints ``exposure(of:)`` to standard error, if there is one.
    static func warnIfExposed(_ path: String) {
        if let warning = exposure(of: path) { FileHandle.standardError.write(Data("Warning: \(warning)\n".utf8)) }
    }
}

/// Where ClinicDesk keeps its files, following the XDG base directory specification.
enum ClinicPaths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `$XDG_DATA_HOME/clinicdesk`, else `~/.local/share/clinicdesk`.
    static func dataDirectory() -> URL {
        base("XDG_DATA_HOME", fallback: ".local/share").appendingPathComponent("clinicdesk")
    }

    /// `$XDG_STATE_HOME/clinicdesk`, else `~/.local/state/clinicdesk` (logs).
    static func stateDirectory() -> URL {
        base("XDG_STATE_HOME", fallback: ".local/state").appendingPathComponent("clinicdesk")
    }

    /// `$XDG_CONFIG_HOME/clinicdesk`, else `~/.config/clinicdesk`.
    static func configDirectory() -> URL {
        base("XDG_CONFIG_HOME", fallback: ".config").appendingPathComponent("clinicdesk")
    }

    /// Expands a leading `~/` and makes the path absolute.
    static func expand(_ path: String) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/") {
            path = home().path + path.dropFirst()
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func base(_ variable: String, fallback: String) -> URL {
        if let value = environment[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value)
        }
        return home().appendingPathComponent(fallback)
    }

    private static func home() -> URL {
        if let home = environment["HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        return FileManager.default.homeDirectoryForCurrentUser
    }
}
