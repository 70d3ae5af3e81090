import ClinicCore
import Testing

/// What a new password must be: ten characters or more, not the username, not a common one.
@Suite("Password policy")
struct PasswordPolicyTests {
    let common: Set<String> = ["password123", "qwertyuiop"]

    func problem(_ password: String, for username: String = "rosa") -> String? {
        PasswordPolicy.problem(with: password, username: username, common: common)
    }

    @Test func tenCharactersAreEnoughAndNineAreNot() {
        #expect(problem("blue-kettle") == nil)
        #expect(problem("0123456789") == nil)
        #expect(problem("123456789")?.hasPrefix("The password must be at least 10 characters long") == true)
        #expect(problem("") != nil)
        #expect(problem(String(repeating: "a", count: 1025)) == "The password is longer than 1024 characters.")
    }

    @Test func theUsernameWithAFewCharactersAddedIsRefusedInAnyCase() {
        let refusal = "The password must not be the username (or the username with a few characters added)."
        #expect(problem("receptionist", for: "receptionist") == refusal)
        #expect(problem("Receptionist1", for: "receptionist") == refusal)
        #expect(problem("1RECEPTIONIST23", for: "receptionist") == refusal)
        #expect(problem("rosa-and-her-garden", for: "rosa") == nil, "a long passphrase may contain the name")
    }

    @Test func commonPasswordsAreRefusedWhateverTheirCase() {
        let refusal = "That password is on the list of the most common ones, which are tried first; choose another."
        #expect(problem("Password123") == refusal)
        #expect(problem("QWERTYUIOP") == refusal)
        #expect(problem("password1234") == nil, "only what the list holds")
    }
}
