/// A row of tab titles, for showing panes one at a time on narrow screens.
///
/// The active tab is in `ui.tab.active`, the others in `ui.tab`. When the titles do not all
/// fit, the row scrolls so the active tab is visible, with `‹` / `›` marking hidden tabs.
public struct Tabs: Widget {
    /// The titles, such as "1 Schedule".
    public var titles: [String]
    /// The index of the active tab.
    public var selected: Int
    /// Put between titles.
    public var divider: String

    /// Creates a tab row.
    public init(titles: [String], selected: Int, divider: String = "│") {
        self.titles = titles
        self.selected = selected
        self.divider = divider
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let row = area.row(0)
        guard !row.isEmpty, !titles.isEmpty else { return }
        buffer.fill(row, scope: .tab)
        let labels = titles.map { " \($0) " }
        let widths = labels.map(\.displayWidth)
        let dividerWidth = divider.displayWidth
        let active = min(max(0, selected), titles.count - 1)
        func span(from first: Int) -> Int {
            (first > 0 ? 1 : 0) + widths[first...active].reduce(0, +) + dividerWidth * (active - first)
        }
        var first = 0
        while first < active && span(from: first) > row.width { first += 1 }
        var x = row.x
        if first > 0 { x = buffer.write("‹", at: Position(x: x, y: row.y), scope: .tab, clip: row) }
        for index in first..<titles.count {
            let scope: Scope = index == active ? .tabActive : .tab
            if index > active && x + dividerWidth + widths[index] > row.maxX {
                buffer.write("›", at: Position(x: row.maxX - 1, y: row.y), scope: .tab, clip: row)
                break
            }
            if index > first {
                x = buffer.write(divider, at: Position(x: x, y: row.y), scope: .tab, clip: row)
            }
            let room = row.maxX - x
            guard room > 0 else { break }
            if widths[index] > room {
                buffer.write(
                    TextWidth.truncate(labels[index], toWidth: room), at: Position(x: x, y: row.y),
                    scope: scope, clip: row)
                break
            }
            x = buffer.write(labels[index], at: Position(x: x, y: row.y), scope: scope, clip: row)
        }
    }
}
