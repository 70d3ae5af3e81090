import ClinicCore
import TerminalKit

extension BoardView {
    /// `Now calling`, the ticket and room in large letters, and the same in words below
    /// (with the name when names are shown).
    static func headline(_ state: BoardState, layout: Layout, buffer: inout Buffer) {
        guard let call = state.model.nowCalling else {
            let words =
                switch state.connection {
                case .connecting: "Connecting to the clinic's database…"
                case .live, .reconnecting: "Please wait: you will be called by your ticket number."
                }
            let middle = layout.letters.isEmpty ? layout.caption : layout.letters
            buffer.write(
                words, fitting: Rect(x: middle.x, y: middle.y + middle.height / 2, width: middle.width, height: 1),
                alignment: .center, scope: "board.caption")
            return
        }
        buffer.write("Now calling", fitting: layout.label, alignment: .center, scope: "board.label")
        drawLetters(for: call, in: layout.letters, buffer: &buffer)
        let name = call.name.map { " · \($0)" } ?? ""
        buffer.write(
            "ticket \(call.ticket) → \(call.room)\(name)", fitting: layout.caption, alignment: .center,
            scope: "board.caption")
    }

    /// `12 → ROOM 3` as large as fits; `12` alone when the room does not; nothing when even that does not.
    static func drawLetters(for call: BoardCall, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let maxScale = area.height / BoardFont.height
        for text in ["\(call.ticket) → \(call.room)", "\(call.ticket)"] {
            guard let scale = BigText.largestScale(of: text, fitting: area.size, maxScale: maxScale) else { continue }
            let letters = BigText(text: text, scale: scale, scope: "board.calling")
            guard let size = letters.size else { continue }
            letters.render(
                at: Position(x: area.x + (area.width - size.width) / 2, y: area.y + (area.height - size.height) / 2),
                buffer: &buffer)
            return
        }
    }
}
