import Foundation

/// A sheet of paper, measured in PostScript points (1/72 inch), portrait.
public struct PaperSize: Sendable, Hashable, CustomStringConvertible {
    /// The name a user types to choose it: "a4" or "letter".
    public let name: String
    /// Width in points.
    public let width: Double
    /// Height in points.
    public let height: Double

    /// ISO A4, 210 × 297 mm.
    public static let a4 = PaperSize(name: "a4", width: 595.28, height: 841.89)
    /// US Letter, 8.5 × 11 in.
    public static let letter = PaperSize(name: "letter", width: 612, height: 792)
    /// Every size the app offers, in the order to list them.
    public static let all: [PaperSize] = [.a4, .letter]

    public var description: String { name }

    /// The size named `text` ("a4", "A4", " Letter "), or an error saying which names there are.
    public init(parsing text: String) throws(PaperSizeError) {
        let wanted = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let size = Self.all.first(where: { $0.name == wanted }) else {
            throw PaperSizeError(given: text)
        }
        self = size
    }

    private init(name: String, width: Double, height: Double) {
        self.name = name
        self.width = width
        self.height = height
    }
}

/// A paper size name that is not one of `PaperSize.all`.
public struct PaperSizeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was given, as given.
    public let given: String

    public var description: String {
        let names = PaperSize.all.map(\.name).joined(separator: " or ")
        return "Unknown paper size \"\(given)\": use \(names)."
    }
}
