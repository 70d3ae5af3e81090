import Foundation

/// Rules for dates of birth and stated ages.
public enum BirthDateRule {
    /// Oldest age accepted, in years.
    public static let maxAgeYears = 130

    /// The problem with a date of birth on `today`, or nil.
    public static func problem(with birthDate: BirthDate, today: CalendarDate) -> String? {
        if birthDate.date > today {
            return "Date of birth \(birthDate.date) is in the future."
        }
        if birthDate.date < today.subtracting(years: maxAgeYears) {
            return "Date of birth \(birthDate.date) is more than \(maxAgeYears) years ago."
        }
        return nil
    }

    /// Turns a stated age into an estimated date of birth, or explains why the age is unusable.
    public static func estimate(ageInYears text: String, today: CalendarDate) -> Result<BirthDate, FieldProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let years = Int(trimmed) else {
            return .failure(FieldProblem(.age, "Age “\(trimmed)” is not a whole number of years."))
        }
        guard (0...maxAgeYears).contains(years) else {
            return .failure(FieldProblem(.age, "Age \(years) is not between 0 and \(maxAgeYears) years."))
        }
        return .success(.estimated(ageInYears: years, today: today))
    }
}
