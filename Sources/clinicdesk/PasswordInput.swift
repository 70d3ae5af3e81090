import ArgumentParser
import ClinicCore
import ClinicData
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a password: from the terminal without echo (asked twice for a new one),
/// or as one line of standard input for scripts (`--password-stdin`).
enum PasswordInput {
    /// - Parameter newFor: the username a new password is chosen for: it is asked twice and must
    ///   satisfy ``PasswordPolicy``; nil to read an existing password once.
    /// - Parameter owner: whose existing password is asked for, named in the prompt.
    static func read(fromStandardInput: Bool, newFor username: String?, owner: String? = nil) throws -> String {
        let password: String
        if fromStandardInput {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw CommandFailure("--password-stdin was given but standard input is empty.")
            }
            password = line
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw CommandFailure("Standard input is not a terminal; pass the password with --password-stdin.")
            }
            password = try TerminalPrompt.secret(username.map { "New password for \($0): " } ?? owner.map { "Password for \($0): " } ?? "Password: ")
            if username != nil, try TerminalPrompt.secret("Repeat the new password: ") != password {
                throw CommandFailure("The two passwords differ; nothing was saved.")
            }
        }
        if let username, let problem = PasswordPolicy.problem(with: password, username: username, common: CommonPasswords.all) {
            throw CommandFailure(problem)
        }
        return password
    }
}

/// A line read from the terminal without echo.
enum TerminalPrompt {
    /// Prints `text` to standard error and reads a line with echo turned off, restoring the
    /// terminal afterwards (also when interrupted: SIGINT is ignored while echo is off).
    static func secret(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            throw CommandFailure("Cannot read the terminal settings to hide what is typed.")
        }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        let previousHandler = signal(SIGINT, SIG_IGN)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        let line = Swift.readLine(strippingNewline: true)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        signal(SIGINT, previousHandler)
        FileHandle.standardError.write(Data("\n".utf8))
        guard let line else { throw CommandFailure("Nothing was entered.") }
        return line
    }
}
