extension String {
    /// The text without leading and trailing white space (spaces, tabs, newlines).
    ///
    /// Written here rather than using Foundation's `trimmingCharacters(in:)`, which on Linux
    /// bridges every call through NSString: it was a sixth of a prescribing check's time. Text
    /// with nothing to trim is returned as it is, without a copy.
    var trimmedWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        if first == startIndex && index(after: last) == endIndex { return self }
        return String(self[first...last])
    }
}
