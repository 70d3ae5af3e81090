import Foundation
import PasswordHashing
import Testing

/// The hash checked when nobody has the username typed: well formed, with the hasher's own cost,
/// and matched by no password.
@Suite("Decoy password hash")
struct DecoyHashTests {
    @Test func theDecoyHasTheLiveCostAndMatchesNothing() throws {
        let live = Argon2idHasher()
        #expect(live.decoyHash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        let hasher = Argon2idHasher.fastForTests()
        let decoy = hasher.decoyHash
        #expect(decoy.hasPrefix("$argon2id$v=19$m=64,t=1,p=1$"))
        // A real hash of the same cost has the same shape, so libargon2 runs in full on both.
        let real = try hasher.hash("blue-kettle-42")
        #expect(real.split(separator: "$").count == decoy.split(separator: "$").count)
        #expect(real.split(separator: "$").last?.count == decoy.split(separator: "$").last?.count, "a 32-byte digest in both")
        for password in ["", "demo", "blue-kettle-42", "ClinicDesk decoy"] {
            #expect(!hasher.verify(password, against: decoy))
        }
    }
}
