import ArgumentParser
import ClinicBackup
import ClinicStore
import Foundation

/// `clinicdesk restore FILE --db PATH [--replace]`: a database written anew from a backup.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Write a clinic database from a backup (plain or encrypted).",
        discussion: """
            The backup is checked first. An existing database is replaced only with --replace and only \
            when nothing has it open (close every terminal and `clinicdesk sync`); it is kept beside the \
            restored one. The restored database is an older copy of this device: its MRN and receipt \
            numbers skip ahead, and its next sync takes back what this device did after the backup.
            """)

    @Argument(help: ArgumentHelp("The backup file.", valueName: "file"))
    var file: String

    @Option(name: .customLong("db"), help: ArgumentHelp("The clinic database to write.", valueName: "path"))
    var db: String

    @Flag(help: "Replace the database at --db (it is kept beside the restored one as <db>.replaced-<time>).")
    var replace = false

    @Option(help: ArgumentHelp("Read the passphrase of an encrypted backup from the first line of this file.", valueName: "file"))
    var passphraseFile: String?

    func run() throws {
        let source = URL(fileURLWithPath: ClinicPaths.expand(file))
        let target = ClinicPaths.expand(db)
        guard FileManager.default.fileExists(atPath: source.path) else { throw CommandFailure("No backup at \(source.path).") }
        var plain = source
        var decrypted: URL?
        if BackupCipher.isEncrypted(source) {
            let passphrase = try PassphraseInput.read(file: passphraseFile, confirm: false)
            let folder = URL(fileURLWithPath: target).deletingLastPathComponent()
            // Folders made here get the backup's access, as the restored database will (a group-shared install stays shared).
            try FileAccess.matching(source.path).makeFolders(folder)
            let scratch = folder.appendingPathComponent(".\(source.lastPathComponent).decrypting")
            try? FileManager.default.removeItem(at: scratch)
            try BackupCipher.decrypt(source, to: scratch, passphrase: passphrase)
            plain = scratch
            decrypted = scratch
        }
        defer { if let decrypted { try? FileManager.default.removeItem(at: decrypted) } }
        // The restored files are shared as the backup was (the decrypted scratch copy is this account's only).
        let outcome = try ClinicStore.restore(from: plain.path, to: target, replace: replace, access: FileAccess.matching(source.path))
        print("Restored \(target) from \(source.path): \(outcome.check.totalRows.formatted()) rows in \(outcome.check.rowCounts.count) tables, integrity ok.")
        if let kept = outcome.replacedKeptAt { print("The database that was there is kept at \(kept).") }
        print("New MRNs continue after \(outcome.mrnGap.upperBound) and receipts after \(outcome.receiptGap.upperBound), so none given out "
            + "after the backup is given again; the next sync takes back what this device did after the backup.")
    }
}
