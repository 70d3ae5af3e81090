import TerminalKit

/// The panes of the last frame, so that a frame redraws only the panes whose inputs changed and
/// copies the others' cells. A pane is a pure function of its feature's state, its view context
/// and its area (DESIGN §4), so equal inputs draw equal cells. With thirty terminals on one
/// database every check-in anywhere draws a frame on each, and most of that frame is the
/// appointment book, which a walk-in's check-in does not change.
///
/// One per running app (``AppRuntime``); frames drawn without one (snapshots, tests) draw every pane.
public final class PaneFrames {
    struct Inputs: Equatable {
        var area: Rect
        var session: Session
        var isFocused: Bool
        var contexts: [String]
        var keymap: Keymap
        var state: PaneState
    }

    /// The feature state a pane draws.
    enum PaneState: Equatable {
        case schedule(ScheduleState)
        case queue(QueueState)
        case lookup(PatientsState)
        case prescription(PrescriptionsState)
    }

    private struct Drawn {
        var inputs: Inputs
        var cells: [Cell]
        /// Where the pane put the cursor, when it did.
        var cursor: Position?
        var setCursor: Bool
    }

    private var drawn: [Pane: Drawn] = [:]

    public init() {}

    /// Draws `pane` with `render`, or puts back what it drew last time when its inputs are the same.
    func draw(_ pane: Pane, _ inputs: Inputs, into buffer: inout Buffer, render: (inout Buffer) -> Void) {
        if let last = drawn[pane], last.inputs == inputs {
            buffer.restore(last.cells, in: inputs.area)
            if last.setCursor { buffer.cursor = last.cursor }
            return
        }
        let before = buffer.cursor
        render(&buffer)
        drawn[pane] = Drawn(inputs: inputs, cells: buffer.cells(in: inputs.area), cursor: buffer.cursor,
                            setCursor: buffer.cursor != before)
    }
}
