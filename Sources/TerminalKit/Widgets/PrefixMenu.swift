/// The which-key popup: shown while a key prefix is pending, listing the keys that may
/// follow and what they do.
///
/// It sits at the bottom right of the area it is given; entries that open a further menu
/// show `+` and that menu's label.
public struct PrefixMenu: Widget {
    /// The pending menu from ``Keymap/resolve(_:contexts:)``.
    public var menu: PendingMenu
    /// Where command descriptions come from.
    public var catalog: CommandCatalog

    /// Creates the popup.
    public init(menu: PendingMenu, catalog: CommandCatalog) {
        self.menu = menu
        self.catalog = catalog
    }

    /// Each entry as `(keys, description)`.
    public var rows: [(key: String, description: String)] {
        menu.entries.map { entry in
            switch entry.target {
            case .commands(let names): return (entry.key.label, catalog.describe(names))
            case .menu(let label): return (entry.key.label, "+" + (label ?? "more"))
            }
        }
    }

    /// The popup rectangle inside `area`.
    public func frame(in area: Rect) -> Rect {
        let rows = rows
        let keyWidth = rows.map(\.key.displayWidth).max() ?? 0
        let textWidth = rows.map(\.description.displayWidth).max() ?? 0
        let wanted = max(menu.title.displayWidth + 6, keyWidth + textWidth + 6, 16)
        let width = min(area.width, min(wanted, 56))
        let height = min(area.height, rows.count + 2)
        return Rect(x: area.maxX - width, y: area.maxY - height, width: width, height: height)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let box = frame(in: area)
        guard !box.isEmpty else { return }
        let block = Block(title: menu.title, isFocused: true, fill: .menu)
        block.render(in: box, buffer: &buffer)
        let inner = block.inner(box).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        let rows = rows
        let keyWidth = min(rows.map(\.key.displayWidth).max() ?? 0, max(1, inner.width / 2))
        for (index, row) in rows.prefix(inner.height).enumerated() {
            let y = inner.y + index
            if index == inner.height - 1 && rows.count > inner.height {
                buffer.write("…", at: Position(x: inner.x, y: y), scope: .menu, clip: inner)
                break
            }
            let x = buffer.write(
                TextWidth.fit(row.key, width: keyWidth), at: Position(x: inner.x, y: y),
                scope: .menuKey, clip: inner)
            let room = inner.maxX - x - 1
            if room > 0 {
                buffer.write(
                    TextWidth.truncate(row.description, toWidth: room), at: Position(x: x + 1, y: y),
                    scope: .menu, clip: inner)
            }
        }
    }
}
