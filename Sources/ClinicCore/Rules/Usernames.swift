import Foundation

/// Rules for usernames: 2–32 characters of lowercase letters, digits, `.`, `_` and `-`.
public enum Usernames {
    public static func validated(_ text: String) throws(ValidationFailure) -> String {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard (2...32).contains(name.count), allowed, name.first?.isLetter == true else {
            throw ValidationFailure([FieldProblem(
                field: "username",
                message: "Username “\(text)” must be 2–32 characters: letters a–z, digits, “.”, “_” or “-”, starting with a letter.")])
        }
        return name
    }
}
