import ClinicCore
import ClinicData
import Testing

/// The shipped list of passwords too common to allow.
@Suite("Common passwords")
struct CommonPasswordsTests {
    @Test func theListLoadsLowercasedAndHoldsOnlyWhatTheLengthRuleWouldLetThrough() {
        let all = CommonPasswords.all
        #expect(all.count >= 100)
        #expect(all.contains("password123") && all.contains("1q2w3e4r5t") && all.contains("clinicdesk"))
        #expect(all.allSatisfy { $0 == $0.lowercased() })
        let dead = all.filter { $0.count < PasswordPolicy.minimumLength }
        #expect(dead.isEmpty, "shorter entries fail the length rule anyway: \(dead.sorted())")
        #expect(!all.contains { $0.hasPrefix("#") }, "comments are not passwords")
    }

    @Test func thePolicyRefusesThemWithTheShippedList() {
        #expect(PasswordPolicy.problem(with: "Welcome2026", username: "ada", common: CommonPasswords.all)?.contains("most common") == true)
        #expect(PasswordPolicy.problem(with: "tea at the clinic", username: "ada", common: CommonPasswords.all) == nil)
    }
}
