/// A failure a command reports as one line (ArgumentParser prints `Error: <line>` and exits 1).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
