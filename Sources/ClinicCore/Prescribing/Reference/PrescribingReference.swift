/// Everything the prescribing checks know, loaded once at start-up from the shipped `data/`
/// files: the formulary, interactions, allergy and duplicate-therapy rules, and the sig vocabulary.
public struct PrescribingReference: Sendable {
    public let formulary: Formulary
    public let interactions: InteractionTable
    public let allergyRules: AllergyRules
    public let duplicates: DuplicateRules
    public let sig: SigVocabulary

    /// The files `init(files:)` needs, by their path in the repository.
    public static let fileNames = [
        FormularyFiles.formsFile, FormularyFiles.classesFile, FormularyFiles.drugsFile, FormularyFiles.combinationsFile,
        InteractionTable.file, AllergyRules.file, DuplicateRules.file, SigFiles.routesFile, SigFiles.frequenciesFile,
        SigFiles.unitsFile, SigFiles.phrasesFile, SigFiles.doNotUseFile,
    ]

    /// Loads and cross-checks every file; the first defect is thrown, naming its file and line.
    /// `files` maps each of ``fileNames`` to its text.
    public init(files: [String: String]) throws(ReferenceDataError) {
        func text(_ name: String) throws(ReferenceDataError) -> String {
            guard let text = files[name] else {
                throw ReferenceDataError(file: name, line: nil, message: "the file is missing.")
            }
            return text
        }
        let sig = try SigVocabulary(
            files: SigFiles(
                routes: try text(SigFiles.routesFile), frequencies: try text(SigFiles.frequenciesFile),
                units: try text(SigFiles.unitsFile), phrases: try text(SigFiles.phrasesFile),
                doNotUse: try text(SigFiles.doNotUseFile)))
        let formulary = try Formulary(
            files: FormularyFiles(
                forms: try text(FormularyFiles.formsFile), classes: try text(FormularyFiles.classesFile),
                drugs: try text(FormularyFiles.drugsFile), combinations: try text(FormularyFiles.combinationsFile)))
        try Self.checkForms(formulary, against: sig, text: try text(FormularyFiles.formsFile))
        self.formulary = formulary
        self.interactions = try InteractionTable(text: try text(InteractionTable.file), formulary: formulary)
        self.allergyRules = try AllergyRules(text: try text(AllergyRules.file), formulary: formulary)
        self.duplicates = try DuplicateRules(text: try text(DuplicateRules.file), formulary: formulary)
        self.sig = sig
    }

    /// Every unit and route a dosage form names must be in the sig vocabulary.
    private static func checkForms(_ formulary: Formulary, against sig: SigVocabulary, text: String)
        throws(ReferenceDataError)
    {
        let units = Set(sig.units.map { $0.singular.lowercased() })
        let routes = Set(sig.routes.map(\.route))
        for line in try ReferenceLine.records(in: text, file: FormularyFiles.formsFile, columns: 4) {
            for unit in line.list(1) where !units.contains(unit.lowercased()) {
                throw line.error("unit “\(unit)” is not in data/sig/units.txt.")
            }
            for route in line.list(2) where !routes.contains(route) {
                throw line.error("route “\(route)” is not in data/sig/routes.txt.")
            }
        }
    }
}
