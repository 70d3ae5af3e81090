public import TerminalKit

/// Turns a buffer into the text stored in snapshot files.
///
/// The format is the screen as the user sees it, then the style runs by scope:
///
/// ```text
/// ┌ Queue ──────┐
/// │> Ana Souza  │
/// └─────────────┘
/// --- styles 15x3 ---
/// row 0: col 0 ui.border.focus; cols 1-7 ui.title.focus; cols 8-14 ui.border.focus
/// row 1: col 0 ui.border.focus; cols 1-13 ui.selection; col 14 ui.border.focus
/// row 2: cols 0-14 ui.border.focus
/// cursor: 3,1
/// ```
///
/// Content lines keep trailing spaces and show a wide character once. Runs of omitted
/// scopes (by default `ui.text`) are left out, consecutive rows with the same runs are
/// merged (`rows 1-9: …`), and the cursor line appears only when the frame shows a cursor.
public enum Snapshot {
    /// The snapshot text of `buffer`.
    public static func text(of buffer: Buffer, omitting omitted: Set<Scope> = [.text]) -> String {
        var output = buffer.textRows.map { $0 + "\n" }.joined()
        output += "--- styles \(buffer.size) ---\n"
        var pending: (first: Int, last: Int, runs: String)?
        func flush() {
            guard let group = pending else { return }
            let rows = group.first == group.last ? "row \(group.first)" : "rows \(group.first)-\(group.last)"
            output += "\(rows): \(group.runs)\n"
            pending = nil
        }
        for y in 0..<buffer.size.height {
            let runs = styleRuns(of: buffer, row: y, omitting: omitted)
            if let group = pending, group.runs == runs, group.last == y - 1 {
                pending?.last = y
                continue
            }
            flush()
            if !runs.isEmpty { pending = (y, y, runs) }
        }
        flush()
        if let cursor = buffer.cursor { output += "cursor: \(cursor.x),\(cursor.y)\n" }
        return output
    }

    /// The runs of one row as `cols 0-11 ui.border.focus; col 12 ui.title`.
    static func styleRuns(of buffer: Buffer, row y: Int, omitting omitted: Set<Scope>) -> String {
        var runs: [String] = []
        var start = 0
        while start < buffer.size.width {
            let scope = buffer[start, y].scope
            var end = start
            while end + 1 < buffer.size.width && buffer[end + 1, y].scope == scope { end += 1 }
            if !omitted.contains(scope) {
                let columns = start == end ? "col \(start)" : "cols \(start)-\(end)"
                runs.append("\(columns) \(scope.name)")
            }
            start = end + 1
        }
        return runs.joined(separator: "; ")
    }
}
