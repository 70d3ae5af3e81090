import Testing

/// The exhaustive style for pure reducers: from a known state, one action must make exactly
/// the expected change to the state and return exactly the expected outcome.
func expectReduce<State: Equatable, Outcome: Equatable>(
    _ state: inout State, _ reduce: (inout State) -> Outcome, changes: (inout State) -> Void = { _ in },
    returns expected: Outcome, sourceLocation: SourceLocation = #_sourceLocation
) {
    var wanted = state
    changes(&wanted)
    let outcome = reduce(&state)
    #expect(state == wanted, "state after the action", sourceLocation: sourceLocation)
    #expect(outcome == expected, "outcome of the action", sourceLocation: sourceLocation)
}
