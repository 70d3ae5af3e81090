import Crypto
import Foundation
import PasswordHashing

extension BackupCipher {
    /// The fixed-size header of an encrypted backup; its bytes are authenticated by every chunk.
    struct Header {
        static let size = 8 + 1 + 12 + 16 + 7 + 4 + 16

        let cost: Argon2idKey
        let salt: [UInt8]
        let noncePrefix: [UInt8]
        let chunkSize: UInt32
        let keyCheck: [UInt8]

        var bytes: [UInt8] {
            BackupCipher.magic + [BackupCipher.version] + Self.bigEndian(cost.memoryKiB) + Self.bigEndian(cost.iterations)
                + Self.bigEndian(cost.parallelism) + salt + noncePrefix + Self.bigEndian(chunkSize) + keyCheck
        }

        /// The nonce of chunk `index`: the random prefix, the index, and whether it is the last.
        func nonce(_ index: UInt32, last: Bool) throws -> AES.GCM.Nonce {
            try AES.GCM.Nonce(data: noncePrefix + Self.bigEndian(index) + [last ? 1 : 0])
        }

        static func read(from input: FileHandle) throws(BackupCipherError) -> Header {
            let data: [UInt8]
            do { data = Array(try input.read(upToCount: size) ?? Data()) } catch { throw .unreadable("the backup", "\(error)") }
            guard data.count >= 9, Array(data.prefix(8)) == BackupCipher.magic else { throw .notABackup }
            guard data[8] == BackupCipher.version else { throw .unsupportedVersion(data[8]) }
            guard data.count == size else { throw .truncated }
            func word(_ at: Int) -> UInt32 { data[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
            let cost = Argon2idKey(memoryKiB: word(9), iterations: word(13), parallelism: word(17))
            // Refuse absurd costs before running them: a damaged header must not take the machine's memory.
            guard (8...4_194_304).contains(cost.memoryKiB), (1...100).contains(cost.iterations), (1...64).contains(cost.parallelism),
                  (1_024...(64 << 20)).contains(word(44))
            else { throw .damagedHeader }
            return Header(cost: cost, salt: Array(data[21..<37]), noncePrefix: Array(data[37..<44]), chunkSize: word(44),
                          keyCheck: Array(data[48..<64]))
        }

        static func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
    }

    /// Output files: created owner-only next to nothing else, removed again if writing fails.
    enum Files {
        static func reading(_ url: URL) throws -> FileHandle {
            do { return try FileHandle(forReadingFrom: url) } catch {
                throw BackupCipherError.unreadable(url.path, error.localizedDescription)
            }
        }

        static func write(_ url: URL, _ body: (FileHandle) throws -> Void) throws(BackupCipherError) {
            guard !FileManager.default.fileExists(atPath: url.path) else { throw .exists(url.path) }
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let output = try? FileHandle(forWritingTo: url)
            else { throw .unwritable(url.path, "the folder is missing or not writable") }
            do {
                try body(output)
                try output.synchronize()
                try output.close()
            } catch {
                try? output.close()
                try? FileManager.default.removeItem(at: url)
                if let known = error as? BackupCipherError { throw known }
                throw .unwritable(url.path, error.localizedDescription)
            }
        }
    }
}
