public import TerminalKit

/// The row of tabs on narrow screens: `F1 Schedule │ F2 Queue │ …`, shorter titles below 72 columns.
public enum TabBarView {
    public static func render(titles: [(long: String, short: String)], selected: Int, in area: Rect, buffer: inout Buffer) {
        let labels = titles.enumerated().map { index, title in
            "F\(index + 1) \(area.width >= 72 ? title.long : title.short)"
        }
        buffer.render(Tabs(titles: labels, selected: selected), in: area)
    }
}
