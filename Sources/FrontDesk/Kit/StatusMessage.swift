/// A sentence for the message line: a confirmation, or why something was refused or failed.
/// It stays until the next key press, and is always shown whole (wrapped, never cut).
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// A refusal or failure.
    public static func error(_ text: String) -> StatusMessage {
        StatusMessage(text, isError: true)
    }
}
