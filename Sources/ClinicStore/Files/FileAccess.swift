import ClinicCore
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who may open a clinic's files on this computer: the database is the boundary for raw
/// access (anyone who can read it reads every patient), sign-in the boundary for people at a
/// terminal. Owner only (`0600`, folders `0700`) unless a Unix group of terminal accounts
/// shares them (`0660`, folders `2770`, so new files keep the group).
///
/// SQLite gives the WAL and shared-memory files the database file's own mode, so creating
/// the database file with the right mode is enough for all three.
public struct FileAccess: Sendable, Hashable {
    /// The sharing group; nil for the owner only.
    public let group: (name: String, id: UInt32)?

    public static let ownerOnly = FileAccess(group: nil)

    private init(group: (name: String, id: UInt32)?) {
        self.group = group
    }

    /// Files and folders shared with the Unix group `name`, which must exist.
    public static func sharedWith(group name: String) throws(StoreError) -> FileAccess {
        guard let entry = getgrnam(name) else {
            throw .invalid(ValidationFailure([FieldProblem(
                field: "group", message: "There is no group “\(name)” on this computer; create it with groupadd and add the terminals' accounts.")]))
        }
        return FileAccess(group: (name, UInt32(entry.pointee.gr_gid)))
    }

    /// The access an existing file is given: its group's when the group may read it, else the owner's only.
    public static func matching(_ path: String) -> FileAccess {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o060 != 0, let entry = getgrgid(info.st_gid) else { return .ownerOnly }
        return FileAccess(group: (String(cString: entry.pointee.gr_name), UInt32(info.st_gid)))
    }

    public var fileMode: UInt16 { group == nil ? 0o600 : 0o660 }
    public var folderMode: UInt16 { group == nil ? 0o700 : 0o2770 }

    public static func == (lhs: FileAccess, rhs: FileAccess) -> Bool { lhs.group?.id == rhs.group?.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(group?.id) }

    /// Creates the folders missing on the way to `folder` with ``folderMode``; folders that
    /// exist already are left as they are (they may be shared on purpose, like `/srv`).
    public func makeFolders(_ folder: URL) throws(StoreError) {
        var missing: [URL] = []
        var next = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: next.path), next.path != "/" {
            missing.append(next)
            next = next.deletingLastPathComponent()
        }
        for url in missing.reversed() {
            guard mkdir(url.path, 0o700) == 0 || errno == EEXIST else {
                throw .cannotOpen(path: url.path, detail: "cannot create the folder: \(String(cString: strerror(errno)))")
            }
            try apply(to: url.path, mode: folderMode)
        }
    }

    /// Creates `path` empty with ``fileMode`` (and the group), failing if it exists.
    public func createFile(_ path: String) throws(StoreError) {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw .databaseExists(path: path) }
            throw .cannotOpen(path: path, detail: String(cString: strerror(errno)))
        }
        close(fd)
        try apply(to: path, mode: fileMode)
    }

    /// Gives an existing file this access (a copied backup, say).
    public func adopt(_ path: String) throws(StoreError) {
        try apply(to: path, mode: fileMode)
    }

    /// Sets the mode (not masked by the umask) and the group.
    private func apply(to path: String, mode: UInt16) throws(StoreError) {
        if let group, chown(path, uid_t.max, gid_t(group.id)) != 0 {
            throw .cannotOpen(path: path, detail: "cannot give it to the group “\(group.name)”: \(String(cString: strerror(errno)))"
                              + " (the account running this must be a member)")
        }
        guard chmod(path, mode_t(mode)) == 0 else {
            throw .cannotOpen(path: path, detail: "cannot set its permissions: \(String(cString: strerror(errno)))")
        }
    }

    /// A warning when the database (or its WAL or shared-memory file) can be read or written by
    /// every account on this computer, naming the fix; nil when it is private or group-shared.
    public static func exposure(of path: String) -> String? {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0, info.st_mode & 0o006 != 0 else { continue }
            let mode = String(info.st_mode & 0o777, radix: 8)
            return "\(file) can be read by every account on this computer (mode \(mode)), and it holds every patient's record. "
                + "Fix it with: chmod 600 \(path)* (or chmod 660 and a group that only the terminals' accounts are in; see the README)."
        }
        return nil
    }
}
