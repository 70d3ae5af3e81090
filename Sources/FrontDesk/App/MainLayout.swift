public import TerminalKit

/// Where things go on the main screen: four panes in a grid on wide terminals, one pane
/// under a row of tabs on narrow ones, the message (when there is one) and the status line
/// at the bottom.
public struct MainLayout: Hashable, Sendable {
    public let size: Size
    public let focus: Pane
    /// Rows the message needs above the status line (0 without a message).
    public let messageRows: Int

    public init(size: Size, focus: Pane, messageRows: Int = 0) {
        self.size = size
        self.focus = focus
        self.messageRows = max(0, min(messageRows, size.height - 2))
    }

    /// The layout of the app's main screen now.
    public init(_ state: AppState) {
        self.init(size: state.size, focus: state.focus,
                  messageRows: MessageView.rows(for: state.message, width: state.size.width))
    }

    public var isWide: Bool { size.width >= 120 && size.height >= 20 }

    var screen: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// The bottom row.
    public var statusLine: Rect { screen.row(screen.height - 1) }

    /// The rows above the status line that show the message.
    public var messageArea: Rect {
        Rect(x: 0, y: max(0, screen.height - 1 - messageRows), width: screen.width, height: messageRows)
    }

    /// The row of tabs on narrow screens (empty on wide ones).
    public var tabs: Rect { isWide ? Rect(x: 0, y: 0, width: 0, height: 0) : screen.row(0) }

    /// Everything between the tabs and the message.
    var body: Rect {
        var area = screen.droppingBottom(1 + messageRows)
        if !isWide { area = area.droppingTop(1) }
        return area
    }

    /// The rectangle of each visible pane.
    public var panes: [Pane: Rect] {
        guard isWide else { return [focus: body] }
        let rows = Layout.rows([.percent(50), .fill(1)]).split(body)
        let top = Layout.columns([.percent(55), .fill(1)]).split(rows[0])
        let bottom = Layout.columns([.percent(55), .fill(1)]).split(rows[1])
        return [.schedule: top[0], .queue: top[1], .lookup: bottom[0], .prescription: bottom[1]]
    }

    /// The pane under a screen position, for mouse clicks.
    public func pane(at position: Position) -> Pane? {
        if !isWide, tabs.contains(position) {
            let width = max(1, size.width / Pane.allCases.count)
            return Pane(rawValue: min(Pane.allCases.count - 1, position.x / width))
        }
        return panes.first { $0.value.contains(position) }?.key
    }

    /// Rows a pane's list shows at once (for page up/down).
    public func listHeight(of pane: Pane) -> Int {
        max(1, (panes[pane]?.height ?? body.height) - 3)
    }
}
