/// Likely duplicates among the rows of one file, scored as registration scores them
/// (``DuplicateCheck``). Rows are compared only within blocks that share a phone number, an
/// identifier or a date of birth — the same keys the store's check reads candidates by — so a
/// file of a hundred thousand rows is checked in one pass.
public enum ImportDuplicates {
    public struct Pair: Hashable, Sendable {
        /// Indexes of the two rows, the earlier first.
        public var first: Int
        public var second: Int
        public var score: Int
        public var reasons: [String]
    }

    public static func pairs(_ rows: [PatientDetails]) -> [Pair] {
        pairs(probes: rows.map(DuplicateProbe.init), nameBlocks: false, largestBlock: 500)
    }

    /// Likely duplicate pairs among `probes`, compared within blocks sharing a phone number, an
    /// identifier or a date of birth, and (`nameBlocks`) a name token that sounds alike with the same
    /// birth year — the only ways two records can reach ``DuplicateCheck/threshold``. Blocks larger
    /// than `largestBlock` are compared in their first `largestBlock` members only.
    public static func pairs(probes: [DuplicateProbe], nameBlocks: Bool, largestBlock: Int) -> [Pair] {
        var blocks: [String: [Int]] = [:]
        for (index, probe) in probes.enumerated() {
            for digits in probe.phoneDigits where digits.count >= 6 { blocks["p" + digits, default: []].append(index) }
            for key in probe.identifierKeys { blocks["i" + key, default: []].append(index) }
            if let birth = probe.birthDate {
                blocks["b" + birth.date.description, default: []].append(index)
                if nameBlocks {
                    for token in Set(probe.tokens.map(\.blockKey)) { blocks["n\(token)\u{1F}\(birth.date.year)", default: []].append(index) }
                }
            }
        }
        var seen: Set<Int64> = []
        var pairs: [Pair] = []
        for members in blocks.values where members.count > 1 {
            let members = Array(members.prefix(largestBlock))
            for (offset, a) in members.enumerated() {
                for b in members[(offset + 1)...] where a != b {
                    let (low, high) = (min(a, b), max(a, b))
                    guard seen.insert(Int64(low) << 32 | Int64(high)).inserted else { continue }
                    if let result = DuplicateCheck.score(probes[high], against: probes[low]) {
                        pairs.append(Pair(first: low, second: high, score: result.score, reasons: result.reasons))
                    }
                }
            }
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}
