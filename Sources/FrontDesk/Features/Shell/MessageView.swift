public import TerminalKit

/// The message line(s) above the status line: a confirmation, or why something was refused,
/// always whole — wrapped onto as many rows as it needs, up to ``maxRows``.
public enum MessageView {
    /// A message never takes more rows than this (a longer one ends with “…”).
    public static let maxRows = 3

    /// The rows `message` needs at `width`.
    public static func rows(for message: StatusMessage?, width: Int) -> Int {
        guard let message, width > 2 else { return 0 }
        return min(maxRows, TextWidth.wrap(text(message), width: width - 2).count)
    }

    public static func render(_ message: StatusMessage, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let scope: Scope = message.isError ? .error : .hint
        buffer.fill(area, scope: .text)
        var lines = TextWidth.wrap(text(message), width: max(1, area.width - 2))
        if lines.count > area.height {
            lines = Array(lines.prefix(area.height))
            lines[lines.count - 1] = TextWidth.truncate(lines[lines.count - 1] + "…", toWidth: area.width - 2)
        }
        for (offset, line) in lines.enumerated() {
            buffer.write(line, at: Position(x: area.x + 1, y: area.y + offset), scope: scope, clip: area)
        }
    }

    private static func text(_ message: StatusMessage) -> String {
        (message.isError ? "✗ " : "") + message.text
    }
}
