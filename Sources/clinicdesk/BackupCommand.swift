import ArgumentParser
import ClinicBackup
import ClinicStore
import Foundation

/// `clinicdesk backup [--to FILE|FOLDER] [--keep N] [--encrypt] [--passphrase-file F]`: a checked copy
/// of the live database, while terminals go on working. For the clinic's IT person and a nightly
/// timer; it needs no sign-in (the database file's permissions are the boundary, as for `sync`).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the clinic database to a checked backup file while terminals keep working.",
        discussion: """
            The copy is one consistent moment of the database (SQLite's online backup). It is checked \
            (integrity_check, and every table's row count) before "done" is printed; a copy that fails \
            is removed and the command exits non-zero. Backups are named <database>-YYYYMMDD-HHMMSS.sqlite \
            (UTC), in backups/ beside the database unless --to names a folder or a file.
            """)

    @Option(help: ArgumentHelp("Where to write: a folder (the file is named for the time) or a file.", valueName: "path"))
    var to: String?

    @Option(help: "Keep only this many backups of this database in the folder, removing the oldest.")
    var keep: Int?

    @Flag(help: "Encrypt the backup with a passphrase (Argon2id and AES-256-GCM).")
    var encrypt = false

    @Option(help: ArgumentHelp("Read the passphrase from the first line of this file (default: the configuration's backup_passphrase_file, else asked).",
                               valueName: "file"))
    var passphraseFile: String?

    @OptionGroup var database: DatabaseOption

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError("--keep must be at least 1 (the backup just written is always kept).") }
        if passphraseFile != nil, !encrypt { throw ValidationError("--passphrase-file is for --encrypt.") }
    }

    func run() throws {
        let store = try database.openStore()
        let passphrase = encrypt ? try PassphraseInput.read(file: passphraseFile, confirm: true) : nil
        let name = BackupNames.name(of: store.path, at: Date(), encrypted: encrypt)
        let destination = try Self.destination(to.map(ClinicPaths.expand), database: store.path, name: name)
        let plain = encrypt ? destination.deletingLastPathComponent().appendingPathComponent(".\(name).partial") : destination
        let check = try store.backup(to: plain.path)
        if let passphrase {
            defer { try? FileManager.default.removeItem(at: plain) }
            try BackupCipher.encrypt(plain, to: destination, passphrase: passphrase)
            // Read back: the encrypted file must open with the passphrase to exactly the checked copy.
            guard try BackupCipher.plaintextDigest(destination, passphrase: passphrase) == BackupCipher.fileDigest(plain) else {
                try? FileManager.default.removeItem(at: destination)
                throw CommandFailure("The encrypted backup did not read back as the copy it was made from; it was removed.")
            }
        }
        let tables = check.rowCounts.count
        print("Backed up \(store.path) to \(destination.path): \(check.totalRows.formatted()) rows in \(tables) tables, "
            + "\(Self.size(check.bytes)), integrity ok\(encrypt ? ", encrypted" : "").")
        if let keep { try prune(destination.deletingLastPathComponent(), database: store.path, keep: keep) }
        print("done")
    }

    /// `--to` as given (a folder gets the timed name inside it), else `backups/` beside the database.
    static func destination(_ to: String?, database: String, name: String) throws -> URL {
        var isFolder: ObjCBool = false
        if let to, !(FileManager.default.fileExists(atPath: to, isDirectory: &isFolder) && isFolder.boolValue) {
            guard !FileManager.default.fileExists(atPath: to) else { throw CommandFailure("\(to) exists already; a backup never overwrites a file.") }
            return URL(fileURLWithPath: to)
        }
        let folder = to.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("backups")
        try FileAccess.matching(database).makeFolders(folder)
        return folder.appendingPathComponent(name)
    }

    private func prune(_ folder: URL, database: String, keep: Int) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let old = BackupNames.toRemove(names, of: database, keep: keep)
        for name in old { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        if !old.isEmpty {
            print("Removed \(old.count) older backup\(old.count == 1 ? "" : "s") (keeping the newest \(keep)): \(old.joined(separator: ", ")).")
        }
    }

    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : String(format: "%.0f KB", Double(bytes) / 1_024)
    }
}
