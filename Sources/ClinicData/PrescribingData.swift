public import ClinicCore

/// The prescribing reference data shipped in the binary, from the top-level `data/formulary/`
/// and `data/sig/` folders.
public enum ShippedPrescribingData {
    /// Each file's text by its path in the repository (``PrescribingReference/fileNames``).
    public static var files: [String: String] {
        let bytes: [String: [UInt8]] = [
            "data/formulary/forms.txt": PackageResources.forms_txt,
            "data/formulary/classes.txt": PackageResources.classes_txt,
            "data/formulary/drugs.txt": PackageResources.drugs_txt,
            "data/formulary/combinations.txt": PackageResources.combinations_txt,
            "data/formulary/interactions.txt": PackageResources.interactions_txt,
            "data/formulary/allergy-rules.txt": PackageResources.allergy_rules_txt,
            "data/formulary/duplicates.txt": PackageResources.duplicates_txt,
            "data/sig/routes.txt": PackageResources.routes_txt,
            "data/sig/frequencies.txt": PackageResources.frequencies_txt,
            "data/sig/units.txt": PackageResources.units_txt,
            "data/sig/phrases.txt": PackageResources.phrases_txt,
            "data/sig/do-not-use.txt": PackageResources.do_not_use_txt,
        ]
        return bytes.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// Loads the shipped files, reporting the first defect with its file and line.
    public static func load() throws(ReferenceDataError) -> PrescribingReference {
        try PrescribingReference(files: files)
    }

    /// The shipped reference, loaded once. The files are validated by a test; a broken file is a
    /// build defect, not user input.
    public static let reference: PrescribingReference = {
        do {
            return try load()
        } catch {
            preconditionFailure("The shipped prescribing data is malformed: \(error)")
        }
    }()
}
