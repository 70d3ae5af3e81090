/// The text of the sig vocabulary files.
public struct SigFiles: Sendable {
    public var routes: String
    public var frequencies: String
    public var units: String
    public var phrases: String
    public var doNotUse: String

    public init(routes: String, frequencies: String, units: String, phrases: String, doNotUse: String) {
        self.routes = routes
        self.frequencies = frequencies
        self.units = units
        self.phrases = phrases
        self.doNotUse = doNotUse
    }

    static let routesFile = "data/sig/routes.txt"
    static let frequenciesFile = "data/sig/frequencies.txt"
    static let unitsFile = "data/sig/units.txt"
    static let phrasesFile = "data/sig/phrases.txt"
    static let doNotUseFile = "data/sig/do-not-use.txt"
}
