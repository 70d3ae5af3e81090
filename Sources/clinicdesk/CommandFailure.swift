/// A failure a command reports as one line, without the usage text that argument errors get.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
