// QR codes come from libqrencode: a small, long-maintained C library in every distribution
// that does the whole standard (mode segmentation, Reed–Solomon, masking) and hands back a
// plain module matrix, which this file turns into Swift values; drawing is the caller's.

import CQRencode
import Foundation

/// A QR Code symbol as its matrix of modules, `true` for dark. The quiet zone is not included.
public struct QRCode: Sendable, Hashable {
    /// How much damage the symbol survives; more means a larger symbol.
    public enum ErrorCorrection: Sendable, Hashable {
        /// About 7 % of the symbol may be lost.
        case low
        /// About 15 %: the usual choice for print.
        case medium
        /// About 25 %.
        case quartile
        /// About 30 %.
        case high

        fileprivate var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// The modules, row by row from the top; each row runs left to right and has `size` entries.
    public let modules: [[Bool]]

    /// The number of modules along a side (21 for version 1, 4 more for each version after).
    public var size: Int { modules.count }

    /// The light modules a reader needs around the symbol, on each side, by the standard.
    public static let quietZone = 4

    /// Encodes `text` (as UTF-8; upper-case letters, digits and " $%*+-./:" pack densest) in the
    /// smallest version that holds it.
    public init(encoding text: String, correction: ErrorCorrection = .medium) throws(PrintError) {
        guard !text.isEmpty else {
            throw .qrEncoding(text: text, reason: "there is nothing to encode")
        }
        // Version 0 lets the library choose; case-sensitive so lower-case letters survive.
        guard let symbol = QRcode_encodeString(text, 0, correction.level, QR_MODE_8, 1) else {
            let reason = errno == ERANGE ? "it is too long for a QR code" : String(cString: strerror(errno))
            throw .qrEncoding(text: text, reason: reason)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        // Each byte describes one module; its lowest bit is set for dark.
        let bytes = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        modules = (0..<width).map { row in
            (0..<width).map { column in bytes[row * width + column] & 1 == 1 }
        }
    }
}
