import ClinicCore
import Testing

@Suite("Formulary look-up and search")
struct FormularyLookupTests {
    let formulary = Rx.reference.formulary

    @Test(
        arguments: [
            ("acetaminophen", "paracetamol"), ("Tylenol", "paracetamol"), ("PARACETAMOL", "paracetamol"),
            ("rifampin", "rifampicin"), ("albuterol", "salbutamol"), ("nitroglycerin", "glyceryl trinitrate"),
            ("GTN", "glyceryl trinitrate"), ("epinephrine", "adrenaline"), ("EpiPen", "adrenaline"),
            ("amoxicillin/clavulanic acid", "co-amoxiclav"), ("clavulanic acid + amoxicillin", "co-amoxiclav"),
            ("Augmentin", "co-amoxiclav"), ("sulfamethoxazole-trimethoprim", "co-trimoxazole"),
            ("Bactrim", "co-trimoxazole"),
            ("frusemide", "furosemide"), ("cyclosporine", "ciclosporin"), ("Müller's", nil),
            ("St Johns wort", "St John's wort"),
            ("St John’s wort", "St John's wort"), ("Céfalexin", "cefalexin"),
        ] as [(String, String?)])
    func namesSynonymsAndBrandsFindOneDrug(_ name: String, _ expected: String?) {
        #expect(formulary.drug(named: name)?.name == expected, "\(name)")
    }

    @Test func combinationsAreListsOfIngredients() throws {
        let coAmoxiclav = try #require(formulary.drug(named: "co-amoxiclav"))
        #expect(coAmoxiclav.isCombination)
        #expect(coAmoxiclav.ingredients == ["amoxicillin", "clavulanic acid"])
        #expect(formulary.ingredients(of: coAmoxiclav).map(\.name) == ["amoxicillin", "clavulanic acid"])
        #expect(formulary.drug(coAmoxiclav, isIn: "penicillins"), "a combination is in a class through its ingredients")
        let coCodamol = try #require(formulary.drug(named: "co-codamol"))
        #expect(coCodamol.isControlled)
        #expect(formulary.drug(named: "clavulanic acid")?.isIngredientOnly == true)
    }

    @Test func classMembershipIsExplicit() throws {
        let strong = formulary.members(of: "strong-cyp3a4-inhibitors").map(\.name)
        #expect(strong.contains("clarithromycin"))
        #expect(!strong.contains("azithromycin"), "azithromycin is a macrolide but not a CYP3A4 inhibitor")
        #expect(!strong.contains("clotrimazole"), "a topical azole is not listed")
        let nsaids = formulary.members(of: "nsaids").map(\.name)
        #expect(
            nsaids.contains("ibuprofen") && nsaids.contains("celecoxib"), "COX-2 inhibitors come in through includes")
        #expect(!nsaids.contains("aspirin") && !nsaids.contains("paracetamol"))
        let sulfonamides = formulary.members(of: "sulfonamide-antibacterials").map(\.name)
        #expect(!sulfonamides.contains("furosemide") && !sulfonamides.contains("hydrochlorothiazide"))
        let furosemide = try #require(formulary.drug(named: "furosemide"))
        #expect(formulary.classes(of: furosemide).map(\.id) == ["loop-diuretics"])
    }

    @Test func classesAreFoundByTheirSynonyms() {
        #expect(formulary.drugClass(named: "penicillin")?.id == "penicillins")
        #expect(formulary.drugClass(named: "Sulfa")?.id == "sulfonamide-antibacterials")
        #expect(formulary.drugClass(named: "ARBs")?.id == "angiotensin-receptor-blockers")
        #expect(formulary.drugClass(named: "NSAID")?.id == "nsaids")
    }

    @Test func searchRanksExactNamesFirstThenPrefixesThenWordPrefixes() throws {
        let aspirin = formulary.search("aspirin")
        #expect(aspirin.first?.drug.name == "aspirin")
        #expect(aspirin.first?.rank == .exact)
        #expect(aspirin.dropFirst().allSatisfy { $0.rank != .exact })
        let amox = formulary.search("amox").map(\.drug.name)
        #expect(amox.prefix(2) == ["amoxicillin", "co-amoxiclav"])
        let clav = try #require(formulary.search("amox clav").first)
        #expect(clav.drug.name == "co-amoxiclav" && clav.rank == .wordPrefix)
        #expect(formulary.search("clav").first?.title == "co-amoxiclav (Clavulin)")
        #expect(formulary.search("tyl").first?.title == "paracetamol (Tylenol)")
        #expect(formulary.search("albu").first?.title == "salbutamol (albuterol)")
        #expect(formulary.search("am cl").first?.drug.name == "co-amoxiclav", "each word starts a word of a name")
        #expect(
            formulary.search("clavulanic").map(\.drug.name) == ["co-amoxiclav"],
            "ingredient-only entries are not offered")
        #expect(formulary.search("").isEmpty)
        #expect(formulary.search("zzzz").isEmpty)
        #expect(formulary.search("a", limit: 5).count == 5)
    }

    @Test func unknownNamesGetCloseSuggestions() {
        #expect(formulary.suggestions(for: "amoxicilin").first == "amoxicillin")
        #expect(formulary.suggestions(for: "paracetemol").first == "paracetamol")
        #expect(formulary.suggestions(for: "ibuprofin").first == "ibuprofen")
        #expect(formulary.suggestions(for: "xyzzyq").isEmpty)
    }
}
