import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The passphrase of encrypted backups: from a file (`--passphrase-file`, or the configuration's
/// `backup_passphrase_file`, for a nightly job with nobody at a terminal), else asked on the
/// terminal without echo (twice when a new backup is encrypted with it).
enum PassphraseInput {
    static let minimumLength = 12

    static func read(file: String?, confirm: Bool) throws -> String {
        let configured = file ?? (try? AppConfiguration.loadDefault())?.backupPassphraseFile
        if let configured {
            let path = ClinicPaths.expand(configured)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandFailure("Cannot read the passphrase file \(path).")
            }
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
                FileHandle.standardError.write(Data(
                    "Warning: \(path) can be read by other accounts; chmod 600 it, since it opens every backup.\n".utf8))
            }
            // The first line, whatever ends it (a file saved on Windows ends lines with CR LF).
            let passphrase = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
            guard !passphrase.isEmpty else { throw CommandFailure("The passphrase file \(path) is empty; its first line is the passphrase.") }
            return try checked(passphrase, new: confirm)
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure("No terminal to ask the backup passphrase on: give --passphrase-file FILE, or set "
                + "backup_passphrase_file in the configuration.")
        }
        let passphrase = try TerminalPrompt.secret("Backup passphrase: ")
        if confirm, try TerminalPrompt.secret("Repeat the backup passphrase: ") != passphrase {
            throw CommandFailure("The two passphrases differ; no backup was written.")
        }
        return try checked(passphrase, new: confirm)
    }

    private static func checked(_ passphrase: String, new: Bool) throws -> String {
        if new, passphrase.count < minimumLength {
            throw CommandFailure("A backup passphrase needs at least \(minimumLength) characters (a few words are easy to remember).")
        }
        return passphrase
    }
}
