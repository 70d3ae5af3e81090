import ClinicCore
@testable import ClinicServer
import Testing

struct CredentialTests {
    @Test func codesUseAnUnambiguousAlphabetInThreeGroups() {
        for seed in 0..<200 {
            let code = EnrollmentCode.generate(entropy: .seeded(UInt64(seed)))
            #expect(code.count == 14)
            let groups = code.split(separator: "-")
            #expect(groups.map(\.count) == [4, 4, 4])
            #expect(groups.joined().allSatisfy { EnrollmentCode.alphabet.contains($0) })
            #expect(!code.contains { "01OI".contains($0) })
        }
        #expect(Set(EnrollmentCode.alphabet).count == 32)
    }

    @Test func codesAreNormalizedBeforeHashing() {
        #expect(EnrollmentCode.normalize("k7qm-3xhd-9prt") == "K7QM3XHD9PRT")
        #expect(EnrollmentCode.normalize(" K7QM 3XHD 9PRT ") == "K7QM3XHD9PRT")
        #expect(EnrollmentCode.normalize("K7QM-3XHD-9PR") == nil)
        #expect(EnrollmentCode.normalize("K7QM-3XHD-9PR0") == nil)
        #expect(EnrollmentCode.hash(normalized: "K7QM3XHD9PRT").count == 64)
    }

    @Test func credentialsAreLongRandomAndStoredAsSHA256() {
        let a = DeviceCredential.generate(entropy: .seeded(1))
        let b = DeviceCredential.generate(entropy: .seeded(2))
        #expect(a != b)
        #expect(DeviceCredential.isWellFormed(a) && DeviceCredential.isWellFormed(b))
        #expect(!DeviceCredential.isWellFormed(a + "="))
        #expect(!DeviceCredential.isWellFormed(String(a.dropLast()) + "/"))
        // SHA-256 of "abc".
        #expect(DeviceCredential.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hashComparisonIsExact() {
        #expect(Hashing.constantTimeEquals("abc", "abc"))
        #expect(!Hashing.constantTimeEquals("abc", "abd"))
        #expect(!Hashing.constantTimeEquals("abc", "abcd"))
    }

    @Test func bearerCredentialsAreReadFromTheHeader() {
        #expect(DeviceAuthenticationMiddleware.bearerCredential("Bearer abc") == "abc")
        #expect(DeviceAuthenticationMiddleware.bearerCredential("bearer  abc ") == "abc")
        #expect(DeviceAuthenticationMiddleware.bearerCredential("Basic abc") == nil)
        #expect(DeviceAuthenticationMiddleware.bearerCredential("Bearer") == nil)
        #expect(DeviceAuthenticationMiddleware.bearerCredential(nil) == nil)
    }
}
