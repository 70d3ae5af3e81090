public import ClinicCore

/// What the store needs from the world besides the database file: time and randomness.
/// Tests pass a manual clock and seeded entropy so ids, timestamps and HLCs are exact.
public struct StoreEnvironment: Sendable {
    public var clock: WallClock
    public var entropy: Entropy

    public init(clock: WallClock = .system, entropy: Entropy = .system) {
        self.clock = clock
        self.entropy = entropy
    }

    /// Time-ordered ids drawn from this environment.
    public var ids: UUIDv7Generator { UUIDv7Generator(clock: clock, entropy: entropy) }

    /// The live environment.
    public static let live = StoreEnvironment()
}
