import ClinicCore
public import TerminalKit

/// The waiting-room board as a whole frame, pure: the clinic and the clock on top, the call in
/// large letters, the earlier calls and who waits below, the day's average wait at the foot.
///
/// Lays itself out for any size: the call's letters grow with the screen (five rows at 80×24,
/// fifteen at 200×60), give way to a large ticket alone when the room's name is too long, and
/// to ordinary words on a very small screen.
public enum BoardView {
    /// The frame for `state` at `state.size`.
    public static func render(_ state: BoardState) -> Buffer {
        var buffer = Buffer(size: state.size)
        let area = buffer.area
        guard !area.isEmpty else { return buffer }
        header(state, in: Rect(x: 0, y: 0, width: area.width, height: 1), buffer: &buffer)
        footer(
            state, in: Rect(x: 0, y: area.height - 1, width: area.width, height: area.height > 1 ? 1 : 0),
            buffer: &buffer)
        let body = Rect(x: 1, y: 2, width: area.width - 2, height: area.height - 4)
        guard !body.isEmpty else { return buffer }
        let layout = Layout(body: body)
        headline(state, layout: layout, buffer: &buffer)
        BoardView.lists(state.model, in: layout.lists, buffer: &buffer)
        return buffer
    }

    /// Where each part goes: the headline (label, large letters, caption) takes up to two fifths
    /// of the body, the lists the rest. The letters get the height of a usual call
    /// (``typicalCall``) at the largest scale that fits, so the lists stay put from call to call.
    struct Layout {
        var label: Rect
        var letters: Rect
        var caption: Rect
        var lists: Rect

        /// The call the letters' room is measured by.
        static let typicalCall = "88 → ROOM 8"

        init(body: Rect) {
            let minimumLists = min(4, body.height / 3)
            let room = Size(
                width: body.width,
                height: max(0, min(body.height - minimumLists - 3, max(BoardFont.height, body.height * 2 / 5))))
            let scale =
                BigText.largestScale(of: Self.typicalCall, fitting: room, maxScale: room.height / BoardFont.height)
                ?? (room.height >= BoardFont.height ? 1 : 0)
            let height = scale * BoardFont.height
            label = Rect(x: body.x, y: body.y, width: body.width, height: 1)
            letters = Rect(x: body.x, y: body.y + 1, width: body.width, height: height)
            caption = Rect(x: body.x, y: letters.maxY, width: body.width, height: body.height > 1 ? 1 : 0)
            let top = caption.maxY + 1
            lists = Rect(x: body.x, y: top, width: body.width, height: body.maxY - top)
        }
    }

    /// ` Riverside Clinic ……… 10:42 `.
    static func header(_ state: BoardState, in row: Rect, buffer: inout Buffer) {
        buffer.fill(row, scope: "board.header")
        let clock = " \(ClockText.time(state.now, timeZone: state.timeZone)) "
        let clockWidth = TextWidth.displayWidth(of: clock)
        buffer.write(
            clock, fitting: Rect(x: row.maxX - clockWidth, y: row.y, width: clockWidth, height: 1), alignment: .right,
            scope: "board.header.clock")
        buffer.write(
            " " + state.clinicName, fitting: Rect(x: row.x, y: row.y, width: row.width - clockWidth - 1, height: 1),
            alignment: .left, scope: "board.header")
    }

    /// `Average wait today: 18 min`, and a discreet word while the database does not answer.
    static func footer(_ state: BoardState, in row: Rect, buffer: inout Buffer) {
        guard !row.isEmpty else { return }
        let notice: String? =
            switch state.connection {
            case .connecting: "connecting…"
            case .reconnecting: "reconnecting…"
            case .live: nil
            }
        let noticeWidth = notice.map { TextWidth.displayWidth(of: $0) + 1 } ?? 0
        if let notice {
            buffer.write(
                notice, fitting: Rect(x: row.maxX - noticeWidth, y: row.y, width: noticeWidth - 1, height: 1),
                alignment: .right, scope: "board.notice")
        }
        let wait =
            state.model.averageWait.map { "Average wait today: \(Self.minutes($0))" }
            ?? (state.connection == .live ? "Average wait today: nobody called yet" : "")
        buffer.write(
            " " + wait, fitting: Rect(x: row.x, y: row.y, width: max(0, row.width - noticeWidth - 1), height: 1),
            alignment: .left, scope: "board.wait")
    }

    /// `18 min`, `1 h 05 min`.
    static func minutes(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(Digits.padded(minutes % 60, 2)) min"
    }
}
