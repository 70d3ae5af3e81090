import Crypto
public import Foundation
public import PasswordHashing

/// An encrypted backup file: the database encrypted with AES-256-GCM under a key derived from a
/// passphrase with Argon2id, in chunks so that a database of gigabytes never has to fit in memory.
///
/// There is no ready-made streaming AEAD file format among the libraries this project may use
/// (swift-crypto seals one buffer at a time), so the framing is ours, following the published
/// STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár, 2015) as Tink's streaming AEAD
/// and age do: each chunk is sealed with a nonce made of a random prefix, the chunk's number and
/// a last-chunk flag, and authenticates the header. A flipped byte anywhere, chunks reordered or
/// dropped, or a file cut short are all refused; a wrong passphrase is told apart by a key check.
///
/// Layout: header (``Header/size`` bytes) — magic `CDBACKUP`, version 1, Argon2id memory (KiB),
/// passes and lanes (UInt32 big-endian each), 16-byte salt, 7-byte nonce prefix, chunk size
/// (UInt32), 16-byte key check — then the chunks, each its ciphertext followed by its 16-byte tag.
public enum BackupCipher {
    public static let magic = Array("CDBACKUP".utf8)
    static let version: UInt8 = 1
    static let tagSize = 16
    public static let defaultChunkSize = 1 << 20

    /// Whether the file at `url` starts like an encrypted backup.
    public static func isEncrypted(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: magic.count)).map { Array($0) == magic } ?? false
    }

    /// Encrypts `source` into a new file `destination` (owner-only), which must not exist.
    public static func encrypt(_ source: URL, to destination: URL, passphrase: String, cost: Argon2idKey = .backup,
                               chunkSize: Int = defaultChunkSize, random: (Int) -> [UInt8] = BackupCipher.systemRandom)
        throws(BackupCipherError)
    {
        guard !passphrase.isEmpty else { throw .emptyPassphrase }
        let salt = random(16)
        let keys = try Keys(passphrase: passphrase, salt: salt, cost: cost)
        let header = Header(cost: cost, salt: salt, noncePrefix: random(7), chunkSize: UInt32(chunkSize), keyCheck: keys.check)
        try Files.write(destination) { output in
            try output.write(contentsOf: header.bytes)
            let input = try Files.reading(source)
            defer { try? input.close() }
            var index: UInt32 = 0
            var chunk = try input.read(upToCount: chunkSize) ?? Data()
            while true {
                // One chunk ahead: the last chunk (possibly empty) is sealed with the last flag.
                let next = chunk.count == chunkSize ? (try input.read(upToCount: chunkSize) ?? Data()) : Data()
                let isLast = chunk.count < chunkSize
                let box = try AES.GCM.seal(chunk, using: keys.encryption, nonce: header.nonce(index, last: isLast),
                                           authenticating: header.bytes)
                try output.write(contentsOf: box.ciphertext)
                try output.write(contentsOf: box.tag)
                if isLast { break }
                index += 1
                chunk = next
            }
        }
    }

    /// Decrypts `source` into a new file `destination` (owner-only), which must not exist. On
    /// any refusal the partial output is removed.
    public static func decrypt(_ source: URL, to destination: URL, passphrase: String) throws(BackupCipherError) {
        try Files.write(destination) { output in
            try open(source, passphrase: passphrase) { plain in try output.write(contentsOf: plain) }
        }
    }

    /// The SHA-256 of what `source` decrypts to, without writing it anywhere: a new encrypted
    /// backup is read back this way and compared with the copy it was made from.
    public static func plaintextDigest(_ source: URL, passphrase: String) throws(BackupCipherError) -> [UInt8] {
        var hash = SHA256()
        try open(source, passphrase: passphrase) { plain in hash.update(data: plain) }
        return Array(hash.finalize())
    }

    /// The SHA-256 of a plain file, read in chunks.
    public static func fileDigest(_ url: URL) throws(BackupCipherError) -> [UInt8] {
        do {
            let input = try Files.reading(url)
            defer { try? input.close() }
            var hash = SHA256()
            while let chunk = try input.read(upToCount: defaultChunkSize), !chunk.isEmpty { hash.update(data: chunk) }
            return Array(hash.finalize())
        } catch let error as BackupCipherError {
            throw error
        } catch {
            throw .unreadable(url.path, error.localizedDescription)
        }
    }

    /// Authenticates and decrypts `source` chunk by chunk, handing each to `sink` only once it
    /// has passed its check.
    static func open(_ source: URL, passphrase: String, _ sink: (Data) throws -> Void) throws(BackupCipherError) {
        let input: FileHandle
        do { input = try FileHandle(forReadingFrom: source) } catch { throw .unreadable(source.path, "\(error.localizedDescription)") }
        defer { try? input.close() }
        let header = try Header.read(from: input)
        let keys = try Keys(passphrase: passphrase, salt: header.salt, cost: header.cost)
        guard keys.check == header.keyCheck else { throw .wrongPassphrase }
        let sealedSize = Int(header.chunkSize) + tagSize
        do {
            var index: UInt32 = 0
            var offset = Header.size
            while true {
                let sealed = try input.read(upToCount: sealedSize) ?? Data()
                let isLast = sealed.count < sealedSize
                guard sealed.count >= tagSize else { throw BackupCipherError.truncated }
                let plain: Data
                do {
                    let box = try AES.GCM.SealedBox(nonce: header.nonce(index, last: isLast), ciphertext: sealed.dropLast(tagSize),
                                                    tag: sealed.suffix(tagSize))
                    plain = try AES.GCM.open(box, using: keys.encryption, authenticating: header.bytes)
                } catch {
                    // A full-size chunk that fails may be the last one of a file cut at a chunk boundary.
                    throw isLast ? BackupCipherError.damaged(offset: offset) : BackupCipherError.damagedOrTruncated(offset: offset)
                }
                try sink(plain)
                if isLast { break }
                index += 1
                offset += sealed.count
            }
        } catch let error as BackupCipherError {
            throw error
        } catch {
            throw .unreadable(source.path, error.localizedDescription)
        }
    }

    public static func systemRandom(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The encryption key and the key check, both from the Argon2id output by HKDF.
    struct Keys {
        let encryption: SymmetricKey
        let check: [UInt8]

        init(passphrase: String, salt: [UInt8], cost: Argon2idKey) throws(BackupCipherError) {
            let master: [UInt8]
            do { master = try cost.derive(passphrase, salt: salt) } catch { throw .keyDerivation("\(error)") }
            let material = SymmetricKey(data: master)
            encryption = HKDF<SHA256>.deriveKey(inputKeyMaterial: material, info: Array("clinicdesk backup encryption".utf8),
                                                outputByteCount: 32)
            check = HKDF<SHA256>.deriveKey(inputKeyMaterial: material, info: Array("clinicdesk backup key check".utf8),
                                           outputByteCount: 16).withUnsafeBytes { Array($0) }
        }
    }
}

/// Why an encrypted backup could not be written or read, in words for the person at the shell.
public enum BackupCipherError: Error, Equatable, CustomStringConvertible {
    case emptyPassphrase
    case notABackup
    case unsupportedVersion(UInt8)
    case wrongPassphrase
    case damagedHeader
    case damaged(offset: Int)
    case damagedOrTruncated(offset: Int)
    case truncated
    case keyDerivation(String)
    case unreadable(String, String)
    case unwritable(String, String)
    case exists(String)

    public var description: String {
        switch self {
        case .emptyPassphrase: "The passphrase is empty."
        case .notABackup: "This is not an encrypted ClinicDesk backup (it does not start with CDBACKUP)."
        case let .unsupportedVersion(version): "This backup was written in format \(version), which this ClinicDesk does not read; upgrade it."
        case .wrongPassphrase: "The passphrase is wrong (or the backup's header is damaged): nothing was restored."
        case .damagedHeader: "The backup's header is damaged: it names an impossible key cost or chunk size. Nothing was restored."
        case let .damaged(offset): "The backup is damaged near byte \(offset): it fails its integrity check. Nothing was restored."
        case let .damagedOrTruncated(offset):
            "The backup is damaged or cut short near byte \(offset): it fails its integrity check. Nothing was restored."
        case .truncated: "The backup is cut short: its last part is missing. Nothing was restored."
        case let .keyDerivation(detail): "Could not derive the key from the passphrase: \(detail)."
        case let .unreadable(path, detail): "Cannot read \(path): \(detail)."
        case let .unwritable(path, detail): "Cannot write \(path): \(detail)."
        case let .exists(path): "\(path) exists already; nothing was overwritten."
        }
    }
}
