/// Something that draws itself into a rectangle of a buffer.
///
/// Widgets are plain values rebuilt for every frame; whatever must survive between frames
/// (selection, scroll, text being edited) lives in a separate state value owned by the app
/// and passed to a ``StatefulWidget``. Widgets draw only inside `area`, never crash on an
/// area of any size (0×0 included), and draw scopes, never colours.
public protocol Widget {
    /// Draws into `area` of `buffer`.
    func render(in area: Rect, buffer: inout Buffer)
}

/// A widget whose drawing depends on, and may adjust, state kept by the app.
///
/// Rendering may update view-only parts of the state, such as a scroll offset that keeps
/// the selection visible; it never changes what the user chose.
public protocol StatefulWidget {
    /// The state kept between frames.
    associatedtype State

    /// Draws into `area` of `buffer`, reading and adjusting `state`.
    func render(in area: Rect, buffer: inout Buffer, state: inout State)
}

extension Buffer {
    /// Draws `widget` into `area`.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area, buffer: &self)
    }

    /// Draws a stateful `widget` into `area`.
    public mutating func render<W: StatefulWidget>(_ widget: W, in area: Rect, state: inout W.State) {
        widget.render(in: area, buffer: &self, state: &state)
    }
}

/// Blanks an area, for example under a popup.
public struct Clear: Widget {
    /// The scope of the blank cells.
    public var scope: Scope

    /// Creates a clear widget.
    public init(scope: Scope = .text) {
        self.scope = scope
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        buffer.fill(area, scope: scope)
    }
}
