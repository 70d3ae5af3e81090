/// A run of text in one scope.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The text.
    public var text: String
    /// Its style; `nil` takes the scope of whatever the span is drawn on.
    public var scope: Scope?

    /// Creates a span.
    public init(_ text: String, scope: Scope? = nil) {
        self.text = text
        self.scope = scope
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The columns the span takes.
    public var width: Int { TextWidth.displayWidth(of: text) }
}

/// One line of styled text: a sequence of spans.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The spans, left to right.
    public var spans: [Span]

    /// Creates a line from spans.
    public init(_ spans: [Span]) {
        self.spans = spans
    }

    /// Creates a line of one span.
    public init(_ text: String, scope: Scope? = nil) {
        self.spans = [Span(text, scope: scope)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// The columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The line cut to at most `width` columns, ending in an ellipsis (in the scope of the
    /// span it replaces, spaces before it dropped) when something was cut.
    public func truncated(toWidth width: Int) -> Line {
        guard width > 0 else { return Line([]) }
        guard self.width > width else { return self }
        let room = width - 1
        var result: [Span] = []
        var used = 0
        var lastScope = spans.first?.scope
        for span in spans {
            lastScope = span.scope
            let (head, headWidth) = TextWidth.prefix(of: span.text, fitting: room - used)
            if !head.isEmpty { result.append(Span(head, scope: span.scope)) }
            used += headWidth
            if headWidth < span.width { break }
        }
        while var last = result.last, let scalar = last.text.unicodeScalars.last, scalar.properties.isWhitespace {
            last.text.unicodeScalars.removeLast()
            used -= 1
            result[result.count - 1] = last
            if last.text.isEmpty { result.removeLast() }
        }
        result.append(Span(TextWidth.ellipsis + String(repeating: " ", count: room - used), scope: lastScope))
        return Line(result)
    }
}
