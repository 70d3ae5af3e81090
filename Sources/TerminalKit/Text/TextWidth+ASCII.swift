// Fast paths for printable ASCII, which is most of what a frame draws (borders aside): every
// byte is one cell of width one, so widths, cuts and cells need no scalar-by-scalar work.
// The general paths stay the reference; tests compare both on the same texts.

extension TextWidth {
    /// Whether every byte of `text` is printable ASCII (space to tilde).
    @inline(__always)
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// One-character strings for each printable ASCII byte, shared by every cell that shows one.
    static let asciiCells: [String] = (0..<128).map { byte in
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(UInt8(byte))) : ""
    }
}
