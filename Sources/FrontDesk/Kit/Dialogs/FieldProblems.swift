/// Problems of a dialog's form, keyed by the index of the field each belongs to.
public struct FieldProblems: Error, Hashable, Sendable {
    public var byField: [Int: String]

    public init(_ byField: [Int: String]) {
        self.byField = byField
    }

    public var count: Int { byField.count }
}
