extension Layout {
    /// Computes slot sizes: bases first, then shrinking or growing to the available space.
    static func solve(_ constraints: [Constraint], total rawTotal: Int, spacing: Int) -> (sizes: [Int], gap: Int) {
        let count = constraints.count
        guard count > 0 else { return ([], 0) }
        let total = Swift.max(0, rawTotal)
        var gap = Swift.max(0, spacing)
        if total - gap * (count - 1) < count { gap = 0 }
        let usable = total - gap * (count - 1)

        var sizes = baseSizes(constraints, usable: usable)
        let used = sizes.reduce(0, +)
        if used > usable {
            shrink(&sizes, constraints, by: used - usable)
        } else if used < usable {
            grow(&sizes, constraints, by: usable - used)
        }
        return (sizes, gap)
    }

    /// What each slot asks for before the space is balanced.
    private static func baseSizes(_ constraints: [Constraint], usable: Int) -> [Int] {
        var exact: [Double] = []
        var sizes: [Int] = []
        var shareIndices: [Int] = []
        for (index, constraint) in constraints.enumerated() {
            switch constraint {
            case .length(let n), .min(let n):
                sizes.append(Swift.max(0, n))
                exact.append(0)
            case .percent(let p):
                let value = Double(usable) * Double(Swift.min(Swift.max(0, p), 100)) / 100
                sizes.append(Int(value.rounded(.down)))
                exact.append(value)
                shareIndices.append(index)
            case .ratio(let numerator, let denominator):
                let value =
                    denominator > 0
                    ? Double(usable) * Swift.min(Swift.max(0, Double(numerator) / Double(denominator)), 1) : 0
                sizes.append(Int(value.rounded(.down)))
                exact.append(value)
                shareIndices.append(index)
            case .max, .fill:
                sizes.append(0)
                exact.append(0)
            }
        }
        // Hand out the rounding residue of the shares to the largest fractional parts.
        let exactTotal = shareIndices.reduce(0.0) { $0 + exact[$1] }
        let floorTotal = shareIndices.reduce(0) { $0 + sizes[$1] }
        var residue = Int((exactTotal + 1e-9).rounded(.down)) - floorTotal
        let byFraction = shareIndices.sorted {
            let a = exact[$0] - Double(sizes[$0])
            let b = exact[$1] - Double(sizes[$1])
            return a == b ? $0 < $1 : a > b
        }
        for index in byFraction where residue > 0 {
            sizes[index] += 1
            residue -= 1
        }
        return sizes
    }

    /// Takes `excess` cells away: shares first, then lengths and minimums.
    private static func shrink(_ sizes: inout [Int], _ constraints: [Constraint], by excess: Int) {
        var remaining = excess
        let shares = constraints.indices.filter {
            if case .percent = constraints[$0] { return true }
            if case .ratio = constraints[$0] { return true }
            return false
        }
        let fixed = constraints.indices.filter {
            if case .length = constraints[$0] { return true }
            if case .min = constraints[$0] { return true }
            return false
        }
        for group in [shares, fixed] where remaining > 0 {
            let groupTotal = group.reduce(0) { $0 + sizes[$1] }
            let take = Swift.min(remaining, groupTotal)
            guard take > 0 else { continue }
            let cuts = proportionalSplit(take, weights: group.map { sizes[$0] })
            for (slot, cut) in zip(group, cuts) { sizes[slot] -= cut }
            remaining -= take
        }
    }

    /// Hands `spare` cells to fill slots, else to min and max slots; otherwise they stay unused.
    private static func grow(_ sizes: inout [Int], _ constraints: [Constraint], by spare: Int) {
        var growers: [(index: Int, weight: Int, cap: Int?)] = []
        for (index, constraint) in constraints.enumerated() {
            if case .fill(let weight) = constraint { growers.append((index, Swift.max(0, weight), nil)) }
        }
        if growers.allSatisfy({ $0.weight == 0 }) {
            growers = []
            for (index, constraint) in constraints.enumerated() {
                switch constraint {
                case .min: growers.append((index, 1, nil))
                case .max(let cap): growers.append((index, 1, Swift.max(0, cap)))
                default: break
                }
            }
        }
        var remaining = spare
        while remaining > 0 {
            let open = growers.filter { grower in
                grower.weight > 0 && (grower.cap.map { sizes[grower.index] < $0 } ?? true)
            }
            guard !open.isEmpty else { return }
            let shares = proportionalSplit(remaining, weights: open.map(\.weight))
            var handedOut = 0
            for (grower, share) in zip(open, shares) {
                let room = grower.cap.map { $0 - sizes[grower.index] } ?? share
                let given = Swift.min(share, room)
                sizes[grower.index] += given
                handedOut += given
            }
            guard handedOut > 0 else { return }
            remaining -= handedOut
        }
    }

    /// Splits `amount` by `weights` with largest-remainder rounding; ties favour earlier slots.
    static func proportionalSplit(_ amount: Int, weights: [Int]) -> [Int] {
        let totalWeight = weights.reduce(0, +)
        guard amount > 0, totalWeight > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { amount * $0 / totalWeight }
        var left = amount - parts.reduce(0, +)
        let order = weights.indices.sorted {
            let a = (amount * weights[$0]) % totalWeight
            let b = (amount * weights[$1]) % totalWeight
            return a == b ? $0 < $1 : a > b
        }
        for index in order where left > 0 && weights[index] > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
