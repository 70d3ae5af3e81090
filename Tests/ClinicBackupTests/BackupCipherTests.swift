import ClinicBackup
import Foundation
import PasswordHashing
import Testing

/// Encrypted backups: what goes in comes out byte for byte; a wrong passphrase, a flipped byte
/// anywhere, a file cut short or chunks swapped are refused with a message naming which, and
/// nothing half-decrypted is left behind.
@Suite struct BackupCipherTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("backup-cipher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String, bytes count: Int) throws -> URL {
        let url = folder.appendingPathComponent(name)
        var generator = SystemRandomNumberGenerator()
        try Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: url)
        return url
    }

    func encrypted(_ source: URL, chunk: Int = 1_024) throws -> URL {
        let sealed = folder.appendingPathComponent(source.lastPathComponent + ".cdbk")
        try BackupCipher.encrypt(source, to: sealed, passphrase: "correct horse battery", cost: .fastForTests, chunkSize: chunk)
        return sealed
    }

    @Test(arguments: [0, 1, 1_023, 1_024, 2_048, 5_000])
    func whatGoesInComesOutByteForByte(size: Int) throws {
        let source = try file("plain-\(size)", bytes: size)
        let sealed = try encrypted(source)
        #expect(BackupCipher.isEncrypted(sealed) && !BackupCipher.isEncrypted(source))
        let mode = try FileManager.default.attributesOfItem(atPath: sealed.path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "owner only")
        let out = folder.appendingPathComponent("out-\(size)")
        try BackupCipher.decrypt(sealed, to: out, passphrase: "correct horse battery")
        #expect(try Data(contentsOf: out) == Data(contentsOf: source))
        #expect(try BackupCipher.plaintextDigest(sealed, passphrase: "correct horse battery") == BackupCipher.fileDigest(source))
        // The file holds nothing of the plain bytes in the clear (a run of 64 would be there if it did).
        if size >= 64 {
            let plain = try Data(contentsOf: source)
            #expect(try Data(contentsOf: sealed).range(of: plain.prefix(64)) == nil)
        }
    }

    @Test func aWrongPassphraseIsSaidAndNothingIsWritten() throws {
        let sealed = try encrypted(try file("plain", bytes: 3_000))
        let out = folder.appendingPathComponent("out")
        #expect(throws: BackupCipherError.wrongPassphrase) {
            try BackupCipher.decrypt(sealed, to: out, passphrase: "correct horse battery!")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(BackupCipherError.wrongPassphrase.description.contains("passphrase is wrong"))
    }

    @Test(arguments: [70, 1_100, 2_500, 3_100])
    func aFlippedByteAnywhereIsRefusedAndNothingIsLeft(at offset: Int) throws {
        let sealed = try encrypted(try file("plain", bytes: 3_000))
        var bytes = try Data(contentsOf: sealed)
        #expect(offset < bytes.count)
        bytes[offset] ^= 0x01
        try bytes.write(to: sealed)
        let out = folder.appendingPathComponent("out")
        #expect {
            try BackupCipher.decrypt(sealed, to: out, passphrase: "correct horse battery")
        } throws: { error in
            guard let error = error as? BackupCipherError else { return false }
            switch error {
            case .damaged, .damagedOrTruncated: return error.description.contains("damaged")
            default: return false
            }
        }
        #expect(!FileManager.default.fileExists(atPath: out.path), "no half-decrypted file is left")
    }

    @Test func aFlippedByteInTheHeaderIsRefused() throws {
        let sealed = try encrypted(try file("plain", bytes: 3_000))
        var bytes = try Data(contentsOf: sealed)
        bytes[25] ^= 0x80  // the salt
        try bytes.write(to: sealed)
        #expect(throws: BackupCipherError.wrongPassphrase) {
            try BackupCipher.decrypt(sealed, to: folder.appendingPathComponent("out"), passphrase: "correct horse battery")
        }
        bytes = try Data(contentsOf: sealed)
        bytes[9] = 0xFF  // the memory cost: absurd
        try bytes.write(to: sealed)
        #expect(throws: BackupCipherError.damagedHeader) {
            try BackupCipher.decrypt(sealed, to: folder.appendingPathComponent("out"), passphrase: "correct horse battery")
        }
    }

    @Test func aFileCutShortOrWithChunksSwappedIsRefused() throws {
        let sealed = try encrypted(try file("plain", bytes: 4_096))
        let bytes = try Data(contentsOf: sealed)
        let header = 64
        let sealedChunk = 1_024 + 16
        // Cut exactly after the second chunk: what is left is whole chunks, but none is marked last.
        try bytes.prefix(header + 2 * sealedChunk).write(to: sealed)
        #expect(throws: BackupCipherError.truncated) {
            try BackupCipher.decrypt(sealed, to: folder.appendingPathComponent("cut"), passphrase: "correct horse battery")
        }
        // Cut inside the third chunk.
        try bytes.prefix(header + 2 * sealedChunk + 500).write(to: sealed)
        #expect(throws: BackupCipherError.damaged(offset: header + 2 * sealedChunk)) {
            try BackupCipher.decrypt(sealed, to: folder.appendingPathComponent("cut"), passphrase: "correct horse battery")
        }
        var swapped = bytes
        let first = bytes[header..<header + sealedChunk]
        let second = bytes[header + sealedChunk..<header + 2 * sealedChunk]
        swapped.replaceSubrange(header..<header + 2 * sealedChunk, with: second + first)
        try swapped.write(to: sealed)
        #expect(throws: BackupCipherError.damagedOrTruncated(offset: header)) {
            try BackupCipher.decrypt(sealed, to: folder.appendingPathComponent("swapped"), passphrase: "correct horse battery")
        }
    }

    @Test func aPlainFileIsNotTakenForABackupAndNothingIsOverwritten() throws {
        let plain = try file("plain", bytes: 100)
        #expect(throws: BackupCipherError.notABackup) {
            try BackupCipher.decrypt(plain, to: folder.appendingPathComponent("out"), passphrase: "x")
        }
        #expect(throws: BackupCipherError.exists(plain.path)) {
            try BackupCipher.encrypt(plain, to: plain, passphrase: "correct horse battery", cost: .fastForTests)
        }
        #expect(throws: BackupCipherError.emptyPassphrase) {
            try BackupCipher.encrypt(plain, to: folder.appendingPathComponent("e"), passphrase: "", cost: .fastForTests)
        }
    }
}

@Suite struct BackupNamesTests {
    @Test func namesSortByTimeAndOnlyThisDatabasesBackupsArePruned() {
        let date = Date(timeIntervalSince1970: 1_796_696_100)  // 2026-12-08 02:15:00 UTC
        #expect(BackupNames.name(of: "/srv/clinic/clinic.sqlite", at: date, encrypted: false) == "clinic-20261208-021500.sqlite")
        #expect(BackupNames.name(of: "demo.sqlite", at: date, encrypted: true) == "demo-20261208-021500.sqlite.cdbk")
        let names = ["clinic-20261205-020000.sqlite", "clinic-20261207-020000.sqlite.cdbk", "clinic-20261206-020000.sqlite",
                     "clinic-20261208-020000.sqlite", "notes.txt", "demo-20261201-020000.sqlite", "clinic.sqlite",
                     "clinic-latest.sqlite", "clinic-2026120-020000.sqlite"]
        #expect(BackupNames.toRemove(names, of: "/srv/clinic/clinic.sqlite", keep: 2)
            == ["clinic-20261205-020000.sqlite", "clinic-20261206-020000.sqlite"])
        #expect(BackupNames.toRemove(names, of: "clinic.sqlite", keep: 10).isEmpty)
    }
}
