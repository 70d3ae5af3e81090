/// Why a document could not be rendered.
public enum PrintError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Cairo reported `message` (its own wording, from `cairo_status_to_string`) while doing `step`.
    case cairo(step: String, message: String)
    /// libqrencode could not encode `text` (it was empty, or too long for a QR Code).
    case qrEncoding(text: String, reason: String)
    /// A block that cannot be split (a table row, a QR code) is taller than a whole page.
    case blockTooTall(what: String, height: Double, available: Double)

    public var description: String {
        switch self {
        case .cairo(let step, let message):
            return "Could not render the PDF (\(step)): \(message)."
        case .qrEncoding(let text, let reason):
            return "Could not make a QR code of \"\(text)\": \(reason)."
        case .blockTooTall(let what, let height, let available):
            let needed = Int(height.rounded(.up))
            let room = Int(available.rounded(.down))
            return "\(what) needs \(needed) pt but a page has room for \(room) pt."
        }
    }
}
