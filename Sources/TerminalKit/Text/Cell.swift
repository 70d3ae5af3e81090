/// One terminal cell: its text, how many columns it takes, and its style scope.
///
/// A wide character occupies two cells: the first holds the text with `width == 2`, the
/// second is a *continuation* with empty text and `width == 0`. ``Buffer`` keeps that pairing
/// intact whatever is written over either half.
public struct Cell: Hashable, Sendable {
    /// The scalars shown in the cell: one spacing scalar plus any combining marks; empty for a continuation.
    public private(set) var text: String
    /// 1 or 2 for a cell that shows text, 0 for the trailing half of a wide character.
    public private(set) var width: Int
    /// The semantic style of the cell; the theme resolves it when the frame is presented.
    public var scope: Scope

    init(text: String, width: Int, scope: Scope) {
        self.text = text
        self.width = width
        self.scope = scope
    }

    /// A cell showing the first cell-sized piece of `text` (a space when there is none).
    public init(_ text: String, scope: Scope = .text) {
        if let segment = TextWidth.segments(of: text).first {
            self.init(text: segment.text, width: segment.width, scope: scope)
        } else {
            self.init(text: " ", width: 1, scope: scope)
        }
    }

    /// A cell created from one segment produced by ``TextWidth/segments(of:)``.
    public init(segment: TextSegment, scope: Scope) {
        self.init(text: segment.text, width: segment.width, scope: scope)
    }

    /// An empty (space) cell.
    public static func blank(_ scope: Scope = .text) -> Cell {
        Cell(text: " ", width: 1, scope: scope)
    }

    /// The trailing half of a wide character.
    static func continuation(_ scope: Scope) -> Cell {
        Cell(text: "", width: 0, scope: scope)
    }

    /// Whether this is the trailing half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
