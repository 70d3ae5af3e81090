import ArgumentParser
import ClinicCore
import ClinicStore
import ClinicSync
import Foundation
import SyncProtocol

/// `clinicdesk enroll --server URL --code CODE`: joins this database to a clinic on a sync server.
struct EnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll", abstract: "Enroll this clinic database with a sync server using a one-time code."
    )

    @Option(help: "The server's address, e.g. https://sync.example.org.")
    var server: String

    @Option(help: "The one-time enrollment code the server's operator gave you.")
    var code: String

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw CommandFailure("“\(server)” is not a server address; use e.g. https://sync.example.org.")
        }
        let store = try database.openStore()
        _ = try signedIn.user(in: store, may: .enrollDevice)
        let pending = try store.pendingChangeCount()
        let response = try await SyncRunner(store: store, transport: HTTPSyncTransport()).enroll(server: url, code: code)
        print("Enrolled as a device of “\(response.clinicName)” on \(url.absoluteString)")
        print("\(pending) change\(pending == 1 ? "" : "s") made here so far will be sent on the first sync (`clinicdesk sync --once`).")
    }
}

/// `clinicdesk sync --once | --watch`: pushes this database's changes and pulls everyone else's.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Send this clinic database's changes to the server and fetch the others'."
    )

    @Flag(help: "Run one full push and pull, then exit (non-zero on failure).")
    var once = false

    @Flag(help: "Keep syncing, retrying with backoff while the server is away.")
    var watch = false

    @Option(help: "Seconds between cycles with --watch.")
    var interval = 15

    @Flag(help: "With --once: afterwards compare this database with the server (a hash of every synced field).")
    var verify = false

    /// Smaller pushes than the protocol allows, so a test can stop a sync between many of them.
    @Option(help: .hidden)
    var batchSize = SyncLimits.maxBatch

    @OptionGroup var database: DatabaseOption

    func validate() throws {
        guard once != watch else { throw ValidationError("Choose one of --once or --watch.") }
        guard (1...3600).contains(interval) else { throw ValidationError("--interval must be 1 to 3600 seconds.") }
        guard (1...SyncLimits.maxBatch).contains(batchSize) else {
            throw ValidationError("--batch-size must be 1 to \(SyncLimits.maxBatch) changes.")
        }
    }

    func run() async throws {
        let store = try database.openStore()
        guard try store.syncSettings() != nil else {
            throw CommandFailure("This database is not enrolled; run `clinicdesk enroll --server URL --code CODE` first.")
        }
        var runner = SyncRunner(store: store, transport: HTTPSyncTransport(), log: { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        })
        runner.batchSize = batchSize
        if watch {
            await runner.watch(intervalSeconds: interval, changes: try? store.externalChanges(every: .milliseconds(500)))
            return
        }
        if let failure = await runner.syncOnce() { throw CommandFailure(failure.description) }
        let status = try store.syncStatus()
        print("Synced: \(status.pendingChanges) change\(status.pendingChanges == 1 ? "" : "s") still pending, "
              + "\(status.openConflicts) open conflict\(status.openConflicts == 1 ? "" : "s"), \(status.quarantined) refused")
        if verify {
            let comparison = try await runner.compareWithServer()
            print("Digest here:      \(comparison.local)")
            print("Digest on server: \(comparison.server) (\(comparison.fields) fields)")
            guard comparison.local == comparison.server else {
                throw CommandFailure("This database and the server differ; changes made elsewhere since the last pull explain it, otherwise report it.")
            }
            print("Identical.")
        }
    }
}

/// `clinicdesk conflicts` lists disagreements between devices; `conflicts resolve` settles one.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List or settle disagreements between devices.",
        subcommands: [List.self, Resolve.self], defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List open conflicts.")

        @OptionGroup var signedIn: SignedInUser
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.openStore()
            _ = try signedIn.user(in: store, may: .resolveConflicts)
            let conflicts = try store.openConflicts()
            guard !conflicts.isEmpty else {
                print("No open conflicts.")
                return
            }
            for conflict in conflicts {
                print("\(conflict.id.lowercased)  \(conflict.kind.rawValue)  \(conflict.subject) · \(conflict.field)")
                print("    here: \(conflict.localValue)   other device: \(conflict.remoteValue)   shown now: \(conflict.shownValue)")
            }
            let quarantined = try store.quarantinedChanges()
            if !quarantined.isEmpty {
                print("\(quarantined.count) change\(quarantined.count == 1 ? " was" : "s were") refused by the server:")
                for item in quarantined.prefix(20) {
                    print("    \(item.change.table) \(item.change.field ?? "(row)") of \(item.change.rowID): \(item.reason)")
                }
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Settle a conflict by keeping one value (audited, and synced).")

        @Argument(help: "The conflict's id, as listed.")
        var id: String

        @Option(help: "local (this device's value), remote (the other device's) or shown (the value shown now).")
        var keep: String

        @OptionGroup var signedIn: SignedInUser
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let choice: ConflictResolution
            switch keep.lowercased() {
            case "local": choice = .keepLocal
            case "remote": choice = .keepRemote
            case "shown": choice = .keepShown
            default: throw CommandFailure("--keep must be local, remote or shown, not “\(keep)”.")
            }
            guard let uuid = UUID(uuidString: id) else { throw CommandFailure("“\(id)” is not a conflict id.") }
            let store = try database.openStore()
            let user = try signedIn.user(in: store, may: .resolveConflicts)
            try store.resolveConflict(uuid, keeping: choice, by: Author(user: user))
            print("Settled; the choice is recorded in the audit log and will sync.")
        }
    }
}
