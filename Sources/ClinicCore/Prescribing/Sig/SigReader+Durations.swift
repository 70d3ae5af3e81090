extension SigReader {
    /// `x7d`, `x7 days`, `x 2 weeks`, `for 10 days`, `7 days`: the duration.
    mutating func readDuration() -> Bool {
        let key = tokens[position].key
        var count: Int?
        var unitKey: String?
        var used = 0
        if key == "x" || key == "for" {
            guard position + 1 < tokens.count, let number = Int(tokens[position + 1].key) else { return false }
            count = number
            used = 2
        } else if key.hasPrefix("x"), let split = Self.splitCount(key.dropFirst()) {
            count = split.count
            unitKey = split.unit.isEmpty ? nil : split.unit
            used = 1
        } else if let number = Int(key), dose != nil, position + 1 < tokens.count,
            Self.days(in: tokens[position + 1].key) != nil
        {
            count = number
            used = 1
        } else {
            return false
        }
        if unitKey == nil, position + used < tokens.count, Self.days(in: tokens[position + used].key) != nil {
            unitKey = tokens[position + used].key
            used += 1
        }
        guard let count, (1...3650).contains(count) else { return false }
        if key == "for" && unitKey == nil { return false }
        guard let factor = Self.days(in: unitKey ?? "d") else { return false }
        position += used
        let days = count * factor
        let noun = factor == 30 ? "month" : factor == 7 ? "week" : "day"
        let words = "for \(count) \(count == 1 ? noun : noun + "s")"
        if let duration, duration.days != days {
            problems.append(.conflict(what: "durations", first: duration.words, second: words))
        }
        duration = (days, words)
        return true
    }

    /// `max 4/day`, `max 8 tabs/24h`, `max 4 in 24 hours`: a ceiling on doses or units a day.
    mutating func readMaximum() -> Bool {
        guard ["max", "maximum"].contains(tokens[position].key), position + 1 < tokens.count,
            let count = SigNumber(tokens[position + 1].key)
        else { return false }
        var next = position + 2
        var unit: SigUnit?
        if next < tokens.count, case let .unit(found)? = vocabulary.phrases[tokens[next].key] {
            unit = found
            next += 1
        }
        for period in Self.periods {
            let words = period.split(separator: " ").map(String.init)
            guard next + words.count <= tokens.count, tokens[next..<(next + words.count)].map(\.key) == words else {
                continue
            }
            position = next + words.count
            maximum = (count, unit)
            return true
        }
        return false
    }

    /// Ways of writing "a day" after a maximum.
    static let periods = [
        "/day", "/24h", "/24hrs", "/24 hours", "/d", "per day", "a day", "daily", "in 24 hours",
        "in 24h", "per 24 hours", "every 24 hours",
    ]

    /// Days in a duration unit: d, day(s) 1; w, wk(s), week(s) 7; mo, month(s) 30.
    static func days(in unit: String) -> Int? {
        switch unit {
        case "d", "day", "days": 1
        case "w", "wk", "wks", "week", "weeks": 7
        case "mo", "month", "months": 30
        default: nil
        }
    }

    /// `7d` → (7, "d").
    private static func splitCount(_ text: Substring) -> (count: Int, unit: String)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(digits) else { return nil }
        let unit = String(text.dropFirst(digits.count))
        return unit.isEmpty || days(in: unit) != nil ? (count, unit) : nil
    }
}
