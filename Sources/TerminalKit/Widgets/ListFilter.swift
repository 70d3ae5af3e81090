import Foundation

/// The `/` filter of a list or table: the query being typed and whether it is being edited.
///
/// Filtering itself is a pure function of the query and the item texts: every word of the
/// query must appear in the item, ignoring case and accents (`jo sm` finds "José Smith").
public struct ListFilter: Hashable, Sendable {
    /// The query and its cursor.
    public var query: TextFieldState
    /// Whether keys currently go to the query.
    public var isEditing: Bool

    /// Creates an empty, inactive filter.
    public init(query: String = "", isEditing: Bool = false) {
        self.query = TextFieldState(text: query)
        self.isEditing = isEditing
    }

    /// The query text.
    public var text: String { query.text }

    /// Whether the filter row is shown: while editing or while a query narrows the list.
    public var isActive: Bool { isEditing || !query.text.isEmpty }

    /// Whether the query has any word, so that it can hide items (callers skip building item texts otherwise).
    public var narrows: Bool { query.text.contains { !$0.isWhitespace } }

    /// Starts editing the query (the `/` key).
    public mutating func begin() {
        isEditing = true
    }

    /// Stops editing and keeps the query (Enter).
    public mutating func accept() {
        isEditing = false
    }

    /// Stops editing and clears the query (Escape).
    public mutating func cancel() {
        self = ListFilter()
    }

    /// The indices of `texts` the query keeps, in order; all of them for an empty query.
    public func visibleIndices(of texts: [String]) -> [Int] {
        let words = Self.words(of: query.text)
        guard !words.isEmpty else { return Array(texts.indices) }
        return texts.indices.filter { Self.matches(folded: Self.fold(texts[$0]), words: words) }
    }

    /// Whether `text` matches `query`: each word of the query occurs in it, ignoring case and accents.
    public static func matches(_ text: String, query: String) -> Bool {
        matches(folded: fold(text), words: words(of: query))
    }

    private static func matches(folded: String, words: [String]) -> Bool {
        words.allSatisfy { folded.contains($0) }
    }

    private static func words(of query: String) -> [String] {
        fold(query).split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// Lower-cased with combining marks removed, after canonical decomposition.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }
}
