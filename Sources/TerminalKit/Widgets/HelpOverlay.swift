/// The scroll position of a ``HelpOverlay``.
public struct HelpOverlayState: Hashable, Sendable {
    /// The first content row shown; clamped when drawn.
    public var scroll: Int

    /// Creates a state scrolled to the top.
    public init(scroll: Int = 0) {
        self.scroll = scroll
    }

    /// Scrolls by `rows` (negative scrolls up).
    public mutating func scroll(by rows: Int) {
        scroll = max(0, scroll + rows)
    }
}

/// A scrollable popup listing the keys of the active contexts, grouped by context.
///
/// Build it from the keymap with ``init(keymap:contexts:catalog:contextTitles:title:)`` so
/// that it always matches the bindings in force, user overrides included.
public struct HelpOverlay: StatefulWidget {
    /// The groups shown.
    public var sections: [HelpSection]
    /// The popup title.
    public var title: String

    /// Creates an overlay from ready-made sections.
    public init(sections: [HelpSection], title: String = "Help") {
        self.sections = sections
        self.title = title
    }

    /// Creates an overlay from the keymap for the active contexts (most specific first).
    public init(
        keymap: Keymap, contexts: [String], catalog: CommandCatalog,
        contextTitles: [String: String] = [:], title: String = "Help",
        unavailable: (String) -> String? = { _ in nil }
    ) {
        self.init(
            sections: HelpSection.sections(
                keymap: keymap, contexts: contexts, catalog: catalog, contextTitles: contextTitles,
                unavailable: unavailable),
            title: title)
    }

    /// The content rows: a header per section, then `keys  description` rows, a blank between
    /// sections. A command that cannot run now says why, dimmed, after its description.
    public func lines(width: Int) -> [Line] {
        let keyWidth = min(sections.flatMap(\.entries).map(\.keys.displayWidth).max() ?? 0, max(1, width / 3))
        var lines: [Line] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append(Line("")) }
            lines.append(Line(section.title, scope: .header))
            for entry in section.entries {
                var spans = [
                    Span(TextWidth.fit(entry.keys, width: keyWidth), scope: .helpKey),
                    Span("  " + entry.description, scope: .help),
                ]
                if let reason = entry.unavailable { spans.append(Span(" — not now: " + reason, scope: .textDim)) }
                lines.append(Line(spans).truncated(toWidth: width))
            }
        }
        return lines
    }

    /// The popup rectangle inside `area`.
    public func frame(in area: Rect) -> Rect {
        let margin = area.inset(horizontal: area.width >= 60 ? 4 : 0, vertical: area.height >= 16 ? 1 : 0)
        return margin.centered(width: min(margin.width, 100), height: margin.height)
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout HelpOverlayState) {
        let box = frame(in: area)
        guard !box.isEmpty else { return }
        let content = Block().inner(box).inset(horizontal: 1)
        let lines = lines(width: content.width)
        state.scroll = min(max(0, state.scroll), max(0, lines.count - content.height))
        var footer: String?
        if lines.count > content.height && content.height > 0 {
            let last = min(lines.count, state.scroll + content.height)
            footer = "\(state.scroll + 1)-\(last)/\(lines.count)"
        }
        Block(title: title, footer: footer, isFocused: true, fill: .help).render(in: box, buffer: &buffer)
        for (row, line) in lines.dropFirst(state.scroll).prefix(content.height).enumerated() {
            buffer.write(line, at: Position(x: content.x, y: content.y + row), scope: .help, clip: content)
        }
    }
}
