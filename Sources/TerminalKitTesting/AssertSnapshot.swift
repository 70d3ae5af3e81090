public import Foundation
public import TerminalKit
public import Testing

/// Compares `buffer` with the snapshot file `Snapshots/<name>.txt` next to the calling test file.
///
/// When the file is missing, or the environment variable `SNAPSHOT_RECORD` is set (to
/// anything but `0`), the snapshot is written and the test fails, so that recording never
/// passes silently: look at the new file, then run the tests again without the variable.
/// A mismatch fails with the differing lines.
public func assertSnapshot(
    _ buffer: Buffer,
    named name: String,
    omitting omitted: Set<Scope> = [.text],
    filePath: StaticString = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    assertSnapshot(buffer, named: name, in: directory, omitting: omitted, sourceLocation: sourceLocation)
}

/// Compares `buffer` with the snapshot file `<directory>/<name>.txt`, recording it as
/// ``assertSnapshot(_:named:omitting:filePath:sourceLocation:)`` does: for tests kept in a
/// subfolder whose snapshots live with the rest of their target's.
public func assertSnapshot(
    _ buffer: Buffer,
    named name: String,
    in directory: URL,
    omitting omitted: Set<Scope> = [.text],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = Snapshot.text(of: buffer, omitting: omitted)
    let file = directory.appendingPathComponent(name + ".txt")
    let recordRequested =
        ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"].map { !$0.isEmpty && $0 != "0" } ?? false
    let expected = try? String(contentsOf: file, encoding: .utf8)
    if recordRequested || expected == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            let reason = expected == nil ? "no snapshot existed" : "SNAPSHOT_RECORD is set"
            let advice = "Review it, then run again without SNAPSHOT_RECORD."
            Issue.record(
                "Recorded snapshot \"\(name)\" (\(reason)) at \(file.path). \(advice)", sourceLocation: sourceLocation)
        } catch {
            Issue.record(
                "Could not record snapshot \"\(name)\" at \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected, expected != actual else { return }
    let message =
        "Snapshot \"\(name)\" differs from \(file.path) (re-record with SNAPSHOT_RECORD=1):\n"
        + SnapshotDiff.describe(expected: expected, actual: actual)
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// A line-by-line account of how two snapshots differ, with line ends marked by `|`.
enum SnapshotDiff {
    static func describe(expected: String, actual: String, limit: Int = 40) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? String(old[index]) : nil
            let after = index < new.count ? String(new[index]) : nil
            guard before != after else { continue }
            if let before { lines.append("line \(index + 1) - |\(before)|") }
            if let after { lines.append("line \(index + 1) + |\(after)|") }
            if lines.count >= limit {
                lines.append("…")
                break
            }
        }
        return lines.joined(separator: "\n")
    }
}
