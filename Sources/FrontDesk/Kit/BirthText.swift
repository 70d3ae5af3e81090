public import ClinicCore

/// How a date of birth is shown in narrow columns: `1980-05-02`, `~1980` for an estimate.
public enum BirthText {
    public static func short(_ birth: BirthDate?) -> String {
        guard let birth else { return "" }
        return birth.isEstimated ? "~\(birth.date.year)" : birth.date.description
    }
}
