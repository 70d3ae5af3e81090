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
        let probes = rows.map(DuplicateProbe.init)
        var blocks: [String: [Int]] = [:]
        for (index, probe) in probes.enumerated() {
            for digits in probe.phoneDigits where digits.count >= 6 { blocks["p" + digits, default: []].append(index) }
            for key in probe.identifierKeys { blocks["i" + key, default: []].append(index) }
            if let birth = probe.birthDate { blocks["b" + birth.date.description, default: []].append(index) }
        }
        var seen: Set<[Int]> = []
        var pairs: [Pair] = []
        for members in blocks.values where members.count > 1 {
            // A block as large as a whole file (everyone born on 1 January) is compared no further than its first 500.
            let members = Array(members.prefix(500))
            for (offset, a) in members.enumerated() {
                for b in members[(offset + 1)...] where a != b && seen.insert([min(a, b), max(a, b)]).inserted {
                    if let result = DuplicateCheck.score(probes[max(a, b)], against: probes[min(a, b)]) {
                        pairs.append(Pair(first: min(a, b), second: max(a, b), score: result.score, reasons: result.reasons))
                    }
                }
            }
        }
        return pairs.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}
