import ClinicCore
import ClinicData
import Foundation
import Testing

/// Every shipped prescribing file loads, holds together, and covers what the issue asks for.
@Suite("Shipped prescribing data")
struct ShippedPrescribingDataTests {
    let reference = ShippedPrescribingData.reference
    var formulary: Formulary { reference.formulary }
    var checker: PrescribingChecker { PrescribingChecker(reference: reference) }

    @Test func everyFileLoads() {
        #expect(throws: Never.self) { try ShippedPrescribingData.load() }
        #expect(Set(ShippedPrescribingData.files.keys) == Set(PrescribingReference.fileNames))
    }

    @Test func theFormularyHoldsAtLeast400Medicines() {
        let prescribable = formulary.drugs.filter { !$0.isIngredientOnly }
        #expect(prescribable.count >= 400, "\(prescribable.count) medicines")
        #expect(prescribable.filter(\.isCombination).count >= 40)
        #expect(prescribable.filter(\.isControlled).count >= 30)
    }

    @Test func noNameOrSynonymBelongsToTwoDrugs() {
        var owners: [String: String] = [:]
        for drug in formulary.drugs {
            for name in [drug.name] + drug.synonyms {
                let key = SearchKey.normalize(name)
                if let owner = owners[key], owner != drug.name {
                    Issue.record("“\(name)” names both \(owner) and \(drug.name)")
                }
                owners[key] = drug.name
                #expect(formulary.drug(named: name)?.name == drug.name, "“\(name)” does not find \(drug.name)")
            }
        }
    }

    @Test func everyDrugHasAnATCCodeAndAClassThatExists() {
        for drug in formulary.drugs {
            if !drug.isIngredientOnly { #expect(!drug.atcCodes.isEmpty, "\(drug.name) has no ATC code") }
            if !drug.isCombination { #expect(!drug.classIDs.isEmpty, "\(drug.name) has no class") }
            for id in drug.classIDs { #expect(formulary.drugClass(id: id) != nil, "\(drug.name): unknown class \(id)") }
        }
        for drugClass in formulary.classes {
            for id in drugClass.includes {
                #expect(formulary.drugClass(id: id) != nil, "\(drugClass.id) includes unknown \(id)")
            }
            #expect(!formulary.members(of: drugClass.id).isEmpty, "class \(drugClass.id) has no members")
        }
    }

    @Test func everyCombinationIsMadeOfSingleDrugsInTheFormulary() {
        for product in formulary.drugs where product.isCombination {
            #expect(product.ingredients.count >= 2)
            for name in product.ingredients {
                let ingredient = formulary.drug(named: name)
                #expect(ingredient != nil && ingredient?.isCombination == false, "\(product.name): ingredient \(name)")
            }
        }
    }

    @Test func classMembersCarryTheClassesATCPrefixes() {
        for drugClass in formulary.classes where !drugClass.atcPrefixes.isEmpty {
            for member in formulary.members(of: drugClass.id) where !member.atcCodes.isEmpty {
                let fits = member.atcCodes.contains { code in drugClass.atcPrefixes.contains { code.hasPrefix($0) } }
                #expect(
                    fits,
                    "\(member.name) (\(member.atcCodes.joined(separator: " "))) in \(drugClass.id) (\(drugClass.atcPrefixes))"
                )
            }
        }
    }

    @Test func strengthsNeverUseADoNotUseStyle() {
        for drug in formulary.drugs {
            for presentation in drug.presentations {
                #expect(formulary.form(named: presentation.form) != nil)
                for strength in presentation.strengths {
                    #expect(reference.sig.doNotUseFindings(in: strength).isEmpty, "\(drug.name) \(strength)")
                }
            }
        }
    }

    /// The pairs of the ONC high-priority list (Phansalkar et al., JAMIA 2012), each alerting as
    /// contraindicated in both prescribing orders.
    static let oncPairs: [(String, String)] = [
        ("amfetamine", "phenelzine"), ("methylphenidate", "tranylcypromine"), ("pseudoephedrine", "isocarboxazid"),
        ("phentermine", "moclobemide"), ("atomoxetine", "phenelzine"), ("lisdexamfetamine", "tranylcypromine"),
        ("dexamfetamine", "procarbazine"),
        ("atazanavir", "omeprazole"), ("atazanavir", "esomeprazole"), ("atazanavir", "lansoprazole"),
        ("atazanavir", "pantoprazole"),
        ("atazanavir", "rabeprazole"), ("atazanavir", "dexlansoprazole"),
        ("febuxostat", "azathioprine"), ("febuxostat", "mercaptopurine"),
        ("fluoxetine", "phenelzine"), ("paroxetine", "tranylcypromine"), ("citalopram", "isocarboxazid"),
        ("escitalopram", "moclobemide"),
        ("sertraline", "phenelzine"), ("fluvoxamine", "tranylcypromine"), ("duloxetine", "phenelzine"),
        ("venlafaxine", "tranylcypromine"),
        ("desvenlafaxine", "phenelzine"),
        ("irinotecan", "ketoconazole"), ("irinotecan", "itraconazole"), ("irinotecan", "clarithromycin"),
        ("irinotecan", "ritonavir"),
        ("pethidine", "phenelzine"), ("tramadol", "tranylcypromine"), ("methadone", "isocarboxazid"),
        ("fentanyl", "phenelzine"),
        ("tapentadol", "moclobemide"), ("dextromethorphan", "phenelzine"),
        ("amitriptyline", "phenelzine"), ("nortriptyline", "tranylcypromine"), ("imipramine", "isocarboxazid"),
        ("clomipramine", "moclobemide"),
        ("thioridazine", "haloperidol"), ("pimozide", "citalopram"), ("dofetilide", "sotalol"),
        ("ziprasidone", "amiodarone"),
        ("dronedarone", "moxifloxacin"), ("thioridazine", "erythromycin"), ("pimozide", "methadone"),
        ("ramelteon", "fluvoxamine"),
        ("rifampicin", "atazanavir"), ("rifampicin", "darunavir"), ("rifampicin", "lopinavir + ritonavir"),
        ("carbamazepine", "ritonavir"),
        ("phenytoin", "atazanavir"), ("St John's wort", "darunavir"), ("rifapentine", "atazanavir"),
        ("simvastatin", "clarithromycin"), ("simvastatin", "itraconazole"), ("simvastatin", "ketoconazole"),
        ("simvastatin", "ritonavir"),
        ("simvastatin", "atazanavir"), ("lovastatin", "clarithromycin"), ("lovastatin", "darunavir"),
        ("simvastatin", "erythromycin"),
        ("simvastatin", "posaconazole"),
        ("ergotamine", "clarithromycin"), ("ergotamine", "ritonavir"), ("dihydroergotamine", "itraconazole"),
        ("ergotamine", "erythromycin"),
        ("methylergometrine", "ketoconazole"),
        ("tizanidine", "ciprofloxacin"), ("tizanidine", "fluvoxamine"),
        ("tranylcypromine", "procarbazine"),
        ("sumatriptan", "phenelzine"), ("rizatriptan", "moclobemide"), ("zolmitriptan", "tranylcypromine"),
        ("almotriptan", "isocarboxazid"),
    ]

    /// Interactions every general practice expects to be caught, with the least severity they must carry.
    static let generalPracticePairs: [(String, String, AlertSeverity)] = [
        ("warfarin", "ibuprofen", .major), ("warfarin", "naproxen", .major), ("warfarin", "diclofenac", .major),
        ("warfarin", "co-trimoxazole", .major), ("warfarin", "aspirin", .major), ("warfarin", "metronidazole", .major),
        ("warfarin", "fluconazole", .major), ("warfarin", "miconazole", .major), ("apixaban", "naproxen", .major),
        ("sildenafil", "glyceryl trinitrate", .contraindicated),
        ("tadalafil", "isosorbide mononitrate", .contraindicated),
        ("vardenafil", "nicorandil", .contraindicated),
        ("methotrexate", "trimethoprim", .contraindicated), ("methotrexate", "co-trimoxazole", .contraindicated),
        ("spironolactone", "potassium chloride", .major), ("amiloride", "potassium chloride", .major),
        ("lisinopril", "spironolactone", .major), ("ramipril", "amiloride", .major), ("losartan", "eplerenone", .major),
        ("enalapril", "triamterene", .major),
        ("sertraline", "tramadol", .major), ("fluoxetine", "sumatriptan", .moderate),
        ("linezolid", "sertraline", .major),
        ("lithium", "ibuprofen", .major), ("lithium", "naproxen", .major), ("lithium", "bendroflumethiazide", .major),
        ("lithium", "hydrochlorothiazide", .major), ("lithium", "ramipril", .major), ("lithium", "losartan", .major),
        ("clarithromycin", "simvastatin", .contraindicated), ("clarithromycin", "atorvastatin", .major),
        ("clarithromycin", "lovastatin", .contraindicated), ("fusidic acid", "atorvastatin", .contraindicated),
        ("citalopram", "ondansetron", .major), ("clarithromycin", "citalopram", .major),
        ("amiodarone", "levofloxacin", .major),
        ("clopidogrel", "omeprazole", .moderate), ("morphine", "diazepam", .major), ("oxycodone", "pregabalin", .major),
        ("levothyroxine", "calcium carbonate", .moderate), ("doxycycline", "ferrous sulfate", .moderate),
        ("isotretinoin", "doxycycline", .contraindicated),
        ("carbamazepine", "ethinylestradiol + levonorgestrel", .major),
        ("colchicine", "clarithromycin", .major), ("digoxin", "amiodarone", .major),
        ("verapamil", "bisoprolol", .major),
        ("allopurinol", "azathioprine", .major), ("theophylline", "ciprofloxacin", .major),
    ]

    func interaction(_ new: String, taking other: String) -> PrescribingAlert? {
        let alerts = checker.check(
            PrescribingCheck(
                newItems: [PrescriptionLine(drug: new, sig: "")],
                currentMedicines: [PrescriptionLine(drug: other, sig: "")],
                allergyStatus: .noKnownAllergies))
        return alerts.filter { $0.kind == .interaction }.min { $0.severity < $1.severity }
    }

    @Test func everyONCHighPriorityPairIsContraindicatedInBothOrders() {
        for (a, b) in Self.oncPairs {
            #expect(interaction(a, taking: b)?.severity == .contraindicated, "\(a) with \(b)")
            #expect(interaction(b, taking: a)?.severity == .contraindicated, "\(b) with \(a)")
        }
    }

    @Test func theInteractionsGeneralPracticeExpectsAreCaught() {
        for (a, b, least) in Self.generalPracticePairs {
            let found = interaction(a, taking: b)
            #expect(
                found != nil && found!.severity <= least, "\(a) with \(b): \(found?.severity.rawValue ?? "no alert")")
            #expect(interaction(b, taking: a)?.message == found?.message, "\(b) with \(a) alerts differently")
        }
    }

    /// Every `unrelated` line of allergy-rules.txt: an allergy to any member of one side never
    /// alerts for a member of the other, whichever way round.
    @Test func unrelatedAllergiesNeverAlert() {
        for pair in reference.allergyRules.unrelated {
            let firsts = members(pair.first)
            let seconds = members(pair.second)
            #expect(!firsts.isEmpty && !seconds.isEmpty)
            for (allergens, prescribed) in [(firsts, seconds), (seconds, firsts)] {
                for allergen in allergens {
                    let allergy = Allergy(
                        id: EntityID(UUID()), patientID: EntityID(UUID()), substance: allergen, substanceKind: .drug,
                        reaction: "rash", severity: .severe, recordedAt: Date(), recordedBy: nil)
                    let alerts = checker.check(
                        PrescribingCheck(
                            newItems: prescribed.map { PrescriptionLine(drug: $0, sig: "") },
                            allergies: [allergy], allergyStatus: .recorded))
                    #expect(
                        alerts.filter { [.allergy, .crossReactivity].contains($0.kind) }.isEmpty,
                        "\(allergen) allergy: \(alerts.map(\.message))")
                }
            }
        }
    }

    private func members(_ side: RuleSide) -> [String] {
        switch side {
        case let .drug(name): [name]
        case let .drugClass(id): formulary.members(of: id).map(\.name)
        }
    }

    @Test func everyCrossReactivityGroupHasSeveralMembers() {
        for id in reference.allergyRules.groupAdvice.keys {
            #expect(formulary.members(of: id).count >= 2, "\(id)")
        }
    }

    @Test func theSigVocabularyHasTheUsualShorthand() throws {
        let sig = reference.sig
        for route in ["po", "sl", "im", "iv", "subcut", "inh", "top", "pr"] {
            #expect(sig.route(named: route) != nil, "\(route)")
        }
        for unit in ["tab", "cap", "mL", "drops", "puffs"] { #expect(sig.unit(named: unit) != nil, "\(unit)") }
        let parser = SigParser(vocabulary: sig)
        for word in [
            "daily", "bid", "tid", "qid", "q4h", "q6h", "q8h", "q12h", "qhs", "qam", "prn", "ac", "pc", "stat",
        ] {
            #expect(throws: Never.self, "\(word)") { try parser.parse("1 tab po \(word)") }
        }
        for written in ["U", "IU", "QD", "QOD", "MS", "MSO4", "MgSO4", "1.0", ".5"] {
            #expect(!sig.doNotUseFindings(in: "\(written) mg").isEmpty, "\(written) is not refused")
        }
    }

    @Test func theDemoNameListsStillLoad() {
        for script in NameScript.allCases {
            let list = NameList.embedded(script)
            #expect(!list.female.isEmpty && !list.male.isEmpty && !list.family.isEmpty)
        }
    }
}
