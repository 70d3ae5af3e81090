extension Keymap {
    /// The key sequences that run `command` (alone) in the active contexts, most specific
    /// first, leaving out bindings a more specific context hides. Footers and hints use the
    /// first one, so they name the key that really works, user overrides included.
    public func keys(for command: String, in contexts: [String]) -> [[KeyPress]] {
        var result: [[KeyPress]] = []
        for (position, context) in contexts.enumerated() {
            let moreSpecific = Array(contexts[..<position])
            for entry in bindings(in: context) where entry.commands == [command] {
                guard !isShadowed(entry.keys, by: moreSpecific), !result.contains(entry.keys) else { continue }
                result.append(entry.keys)
            }
        }
        return result
    }

    /// Whether a more specific context takes `keys` (or one of its prefixes) first.
    func isShadowed(_ keys: [KeyPress], by contexts: [String]) -> Bool {
        for context in contexts {
            if binding(for: keys, in: context) != nil { return true }
            for length in 1..<keys.count {
                switch binding(for: Array(keys.prefix(length)), in: context) {
                case .commands?, .unbound?: return true
                case .menu?, nil: continue
                }
            }
        }
        return false
    }
}
