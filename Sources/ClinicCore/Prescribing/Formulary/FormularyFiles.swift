/// The text of the four formulary files, with the names errors report them by.
public struct FormularyFiles: Sendable {
    public var forms: String
    public var classes: String
    public var drugs: String
    public var combinations: String

    public init(forms: String, classes: String, drugs: String, combinations: String) {
        self.forms = forms
        self.classes = classes
        self.drugs = drugs
        self.combinations = combinations
    }

    static let formsFile = "data/formulary/forms.txt"
    static let classesFile = "data/formulary/classes.txt"
    static let drugsFile = "data/formulary/drugs.txt"
    static let combinationsFile = "data/formulary/combinations.txt"
}
