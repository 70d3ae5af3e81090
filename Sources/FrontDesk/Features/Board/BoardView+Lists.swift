import ClinicCore
import TerminalKit

extension BoardView {
    /// The earlier calls on the left and who waits on the right (on a narrow screen, who waits alone).
    static func lists(_ model: BoardModel, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        guard area.width >= 40 else {
            waiting(model, in: area, buffer: &buffer)
            return
        }
        let left = Rect(x: area.x, y: area.y, width: (area.width - 2) / 2, height: area.height)
        let right = Rect(x: left.maxX + 2, y: area.y, width: area.maxX - left.maxX - 2, height: area.height)
        calls(model, in: left, buffer: &buffer)
        waiting(model, in: right, buffer: &buffer)
    }

    /// `Called before` and one line a call: ` 11 → Room 1   A. B.`.
    static func calls(_ model: BoardModel, in area: Rect, buffer: inout Buffer) {
        let lines = model.recentCalls.map { call in
            TicketLine(ticket: call.ticket, rest: "→ \(call.room)", name: call.name)
        }
        column(
            title: "Called before", lines: lines, more: 0, empty: "No other calls yet today", in: area, buffer: &buffer)
    }

    /// `Waiting — 5` and one line a ticket: ` 14   S. J.`, the longest waiting first.
    static func waiting(_ model: BoardModel, in area: Rect, buffer: inout Buffer) {
        let lines = model.waiting.map { TicketLine(ticket: $0.ticket, rest: "", name: $0.name) }
        column(
            title: "Waiting — \(model.waitingCount)", lines: lines, more: model.waitingCount, empty: "Nobody waiting",
            in: area, buffer: &buffer)
    }

    /// A ticket line of a list.
    struct TicketLine {
        var ticket: Int
        var rest: String
        var name: String?
    }

    /// A titled column of ticket lines; when they do not all fit, the last row says how many more there are.
    private static func column(
        title: String, lines: [TicketLine], more total: Int, empty: String, in area: Rect, buffer: inout Buffer
    ) {
        guard !area.isEmpty else { return }
        buffer.write(
            title, fitting: Rect(x: area.x, y: area.y, width: area.width, height: 1), alignment: .left,
            scope: "board.heading")
        let rows = area.height - 1
        guard rows > 0 else { return }
        guard !lines.isEmpty else {
            buffer.write(
                empty, fitting: Rect(x: area.x, y: area.y + 1, width: area.width, height: 1), alignment: .left,
                scope: .textDim)
            return
        }
        let total = max(total, lines.count)
        let shown = total > rows ? rows - 1 : min(rows, lines.count)
        for (index, line) in lines.prefix(shown).enumerated() {
            draw(line, in: Rect(x: area.x, y: area.y + 1 + index, width: area.width, height: 1), buffer: &buffer)
        }
        if shown < total {
            buffer.write(
                "and \(total - shown) more",
                fitting: Rect(x: area.x, y: area.y + 1 + shown, width: area.width, height: 1),
                alignment: .left, scope: .textDim)
        }
    }

    /// ` 14 → Room 1   S. J.`: the ticket right-aligned in four columns, then the room, then the name.
    private static func draw(_ line: TicketLine, in row: Rect, buffer: inout Buffer) {
        let ticket = TextWidth.fit("\(line.ticket)", width: 4, alignment: .right)
        var x = buffer.write(ticket, at: row.origin, scope: "board.ticket", clip: row)
        if !line.rest.isEmpty {
            x = buffer.write("  " + line.rest, at: Position(x: x, y: row.y), scope: .text, clip: row)
        }
        if let name = line.name {
            let start = x + 3
            buffer.write(
                name, fitting: Rect(x: start, y: row.y, width: row.maxX - start, height: 1), alignment: .left,
                scope: "board.name")
        }
    }
}
