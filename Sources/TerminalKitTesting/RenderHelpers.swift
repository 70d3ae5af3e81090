public import TerminalKit

/// The screen sizes every widget is checked at: wide (120×32), standard (80×24) and small (40×12).
public let standardSnapshotSizes: [Size] = [
    Size(width: 120, height: 32), Size(width: 80, height: 24), Size(width: 40, height: 12),
]

/// Renders with `draw` into a fresh buffer of `width × height` and returns it.
public func renderBuffer(width: Int, height: Int, _ draw: (Rect, inout Buffer) -> Void) -> Buffer {
    var buffer = Buffer(size: Size(width: width, height: height))
    draw(buffer.area, &buffer)
    return buffer
}

/// Renders `widget` over a whole buffer of `width × height`.
public func renderWidget(_ widget: some Widget, width: Int, height: Int) -> Buffer {
    renderBuffer(width: width, height: height) { area, buffer in widget.render(in: area, buffer: &buffer) }
}

/// Renders a stateful `widget` over a whole buffer of `width × height`, updating `state`.
public func renderWidget<W: StatefulWidget>(_ widget: W, width: Int, height: Int, state: inout W.State) -> Buffer {
    var buffer = Buffer(size: Size(width: width, height: height))
    widget.render(in: buffer.area, buffer: &buffer, state: &state)
    return buffer
}
