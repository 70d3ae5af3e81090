/// A semantic style name such as `ui.border.focus`, `queue.waiting.late` or `alert.allergy`.
///
/// Cells carry scopes, never colours; a ``Theme`` turns a scope into colours and attributes
/// when the frame is presented. Lookups fall back along the dots:
/// `queue.waiting.late` → `queue.waiting` → `queue` → ``Scope/text``.
public struct Scope: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The dotted name.
    public let name: String

    /// Creates a scope from its dotted name.
    public init(_ name: String) {
        self.name = name
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The scope one level up (`queue.waiting` for `queue.waiting.late`), or `nil` at the top.
    public var parent: Scope? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return Scope(String(name[..<dot]))
    }

    /// This scope followed by each parent, most specific first.
    public var lineage: [Scope] {
        var chain: [Scope] = [self]
        while let up = chain[chain.count - 1].parent { chain.append(up) }
        return chain
    }

    /// The dot-separated parts of the name.
    public var components: [Substring] { name.split(separator: ".", omittingEmptySubsequences: false) }

    /// Whether this scope is `other` or lies under it (`alert.allergy.severe` is within `alert`).
    public func isWithin(_ other: Scope) -> Bool {
        name == other.name || name.hasPrefix(other.name + ".")
    }

    /// A child scope: `Scope("queue").appending("waiting")` is `queue.waiting`.
    public func appending(_ component: String) -> Scope {
        name.isEmpty ? Scope(component) : Scope(name + "." + component)
    }

    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.name < rhs.name }

    public var description: String { name }
}

extension Scope {
    /// Ordinary text; the base every lookup falls back to.
    public static let text: Scope = "ui.text"
    /// Secondary, de-emphasised text.
    public static let textDim: Scope = "ui.text.dim"
    /// A pane border.
    public static let border: Scope = "ui.border"
    /// The border of the focused pane.
    public static let borderFocus: Scope = "ui.border.focus"
    /// A pane title.
    public static let title: Scope = "ui.title"
    /// The title of the focused pane.
    public static let titleFocus: Scope = "ui.title.focus"
    /// The selected row of a focused list or table.
    public static let selection: Scope = "ui.selection"
    /// The selected row of a list or table that does not have focus.
    public static let selectionUnfocused: Scope = "ui.selection.unfocused"
    /// A table header row.
    public static let header: Scope = "ui.header"
    /// The status line.
    public static let statusline: Scope = "ui.statusline"
    /// The mode segment of the status line.
    public static let statuslineMode: Scope = "ui.statusline.mode"
    /// An inactive tab.
    public static let tab: Scope = "ui.tab"
    /// The active tab.
    public static let tabActive: Scope = "ui.tab.active"
    /// Help overlay text.
    public static let help: Scope = "ui.help"
    /// A key name in the help overlay.
    public static let helpKey: Scope = "ui.help.key"
    /// Which-key menu text.
    public static let menu: Scope = "ui.menu"
    /// A key name in the which-key menu.
    public static let menuKey: Scope = "ui.menu.key"
    /// Dialog body.
    public static let dialog: Scope = "ui.dialog"
    /// Dialog title.
    public static let dialogTitle: Scope = "ui.dialog.title"
    /// An input field.
    public static let field: Scope = "ui.field"
    /// The focused input field.
    public static let fieldFocus: Scope = "ui.field.focus"
    /// A field label.
    public static let fieldLabel: Scope = "ui.field.label"
    /// An error message.
    public static let error: Scope = "ui.error"
    /// A hint, such as a filter prompt or an empty-list message.
    public static let hint: Scope = "ui.hint"
}
