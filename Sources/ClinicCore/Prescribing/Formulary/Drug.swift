/// A medicine in the formulary: a single ingredient or a combination product.
public struct Drug: Hashable, Sendable {
    /// The generic name (`amoxicillin`, `co-amoxiclav`).
    public let name: String
    /// WHO ATC codes; a drug with two uses has two (aspirin: N02BA01, B01AC06).
    public let atcCodes: [String]
    /// The classes the data lists for it directly (a combination has none of its own; its
    /// ingredients carry them).
    public let classIDs: [String]
    /// The forms it comes in, each with its strengths.
    public let presentations: [Presentation]
    /// UK/US names and brands that also find it.
    public let synonyms: [String]
    /// Scheduled under the US Controlled Substances Act or the UK Misuse of Drugs Regulations.
    public let isControlled: Bool
    /// Only ever given inside a combination product (clavulanic acid).
    public let isIngredientOnly: Bool
    /// The single-ingredient drugs it is made of: `[name]` for a single drug.
    public let ingredients: [String]

    public init(
        name: String, atcCodes: [String], classIDs: [String], presentations: [Presentation], synonyms: [String],
        isControlled: Bool, isIngredientOnly: Bool, ingredients: [String]
    ) {
        self.name = name
        self.atcCodes = atcCodes
        self.classIDs = classIDs
        self.presentations = presentations
        self.synonyms = synonyms
        self.isControlled = isControlled
        self.isIngredientOnly = isIngredientOnly
        self.ingredients = ingredients
    }

    /// True for a combination product (more than one ingredient).
    public var isCombination: Bool { ingredients.count > 1 }

    /// A form with the strengths it comes in (`capsule: 250 mg, 500 mg`).
    public struct Presentation: Hashable, Sendable {
        public let form: String
        public let strengths: [String]

        public init(form: String, strengths: [String]) {
            self.form = form
            self.strengths = strengths
        }
    }

    /// The presentation in `form`, compared case-insensitively.
    public func presentation(_ form: String) -> Presentation? {
        let key = ReferenceName.key(form)
        return presentations.first { ReferenceName.key($0.form) == key }
    }
}
