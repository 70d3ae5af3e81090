/// One-time passwords an admin hands over in person: four groups of four letters and digits,
/// without the ones people misread (0/O, 1/l/I); about 79 bits from the system's secure random
/// source.
public enum TemporaryPasswords {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// With a chosen generator (tests).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }.joined(separator: "-")
    }
}
