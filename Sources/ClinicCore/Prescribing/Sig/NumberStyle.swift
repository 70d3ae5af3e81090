/// The two number styles on the do-not-use list: a trailing zero (`1.0 mg`, read as 10 mg) and
/// a missing leading zero (`.5 mg`, read as 5 mg).
enum NumberStyle {
    enum Problem: Hashable, Sendable, CustomStringConvertible {
        case trailingZero(String)
        case noLeadingZero(String)

        var written: String {
            switch self {
            case let .trailingZero(text), let .noLeadingZero(text): text
            }
        }

        var description: String {
            switch self {
            case let .trailingZero(text): "“\(text)” has a trailing zero"
            case let .noLeadingZero(text): "“\(text)” has no zero before the point"
            }
        }
    }

    /// Every offending number in `text`, in order.
    static func problems(in text: String) -> [Problem] {
        // Both styles need a decimal point.
        guard text.utf8.contains(UInt8(ascii: ".")) else { return [] }
        var problems: [Problem] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber || characters[index] == "." else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, characters[index].isASCII,
                characters[index].isNumber || characters[index] == "."
            {
                index += 1
            }
            var run = String(characters[start..<index])
            while run.hasSuffix(".") { run.removeLast() }  // a full stop ending a sentence
            guard run.contains(where: \.isNumber) else { continue }
            if run.hasPrefix(".") {
                problems.append(.noLeadingZero(run))
            } else if let point = run.firstIndex(of: "."), run.index(after: point) < run.endIndex, run.hasSuffix("0") {
                problems.append(.trailingZero(run))
            }
        }
        return problems
    }
}
