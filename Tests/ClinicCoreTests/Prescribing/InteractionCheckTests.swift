import ClinicCore
import Testing

@Suite("Prescribing checks: interactions")
struct InteractionCheckTests {
    @Test func warfarinWithAnNSAIDIsMajorAndNamesBothDrugs() throws {
        let alert = try #require(Rx.check(["ibuprofen"], taking: ["warfarin"]).only)
        #expect(alert.kind == .interaction && alert.severity == .major)
        #expect(
            alert.message
                == "warfarin with ibuprofen: More serious bleeding, including gastrointestinal and intracranial bleeding."
        )
        #expect(alert.drugs == ["warfarin", "ibuprofen"])
        #expect(alert.advice.hasPrefix("Avoid; use paracetamol for pain."))
    }

    @Test(arguments: [
        ("warfarin", "ibuprofen"), ("clarithromycin", "simvastatin"), ("thioridazine", "haloperidol"),
        ("co-trimoxazole", "methotrexate"),
        ("sertraline", "tramadol"), ("glyceryl trinitrate", "sildenafil"), ("lithium", "ibuprofen"),
        ("ciprofloxacin", "tizanidine"),
    ])
    func prescribingOrderDoesNotChangeTheAlert(_ first: String, _ second: String) {
        let oneWay = Rx.check([second], taking: [first])
        let otherWay = Rx.check([first], taking: [second])
        let bothNew = Rx.check([first, second])
        #expect(!oneWay.isEmpty)
        #expect(oneWay == otherWay)
        #expect(oneWay.allSatisfy(bothNew.contains), "two new items alert as a new and a current one do")
    }

    @Test func paracetamolWithIbuprofenIsSilent() {
        #expect(Rx.check(["paracetamol"], taking: ["ibuprofen"]).isEmpty)
        #expect(Rx.check(["ibuprofen", "paracetamol"]).isEmpty)
    }

    @Test func aDrugOutsideAListedClassNeverAlerts() {
        #expect(
            Rx.check(["simvastatin"], taking: ["azithromycin"]).isEmpty, "azithromycin is not a strong CYP3A4 inhibitor"
        )
        #expect(
            Rx.check(["simvastatin"], taking: ["clotrimazole"]).isEmpty,
            "clotrimazole is not in the systemic azole class")
        #expect(Rx.check(["warfarin"], taking: ["paracetamol"]).isEmpty)
        #expect(Rx.check(["sildenafil"], taking: ["amlodipine"]).isEmpty, "amlodipine is not a nitrate")
        #expect(Rx.check(["spironolactone"], taking: ["furosemide"]).isEmpty)
    }

    @Test func combinationsInteractThroughEachIngredient() throws {
        let alerts = Rx.check(["co-trimoxazole"], taking: ["warfarin", "methotrexate"])
        #expect(
            alerts.map(\.message) == [
                "methotrexate with co-trimoxazole (trimethoprim): Methotrexate toxicity: bone-marrow suppression, mucositis, kidney injury.",
                "warfarin with co-trimoxazole (sulfamethoxazole): The anticoagulant effect rises (INR goes up): bleeding.",
            ])
        #expect(
            alerts.map(\.severity) == [.contraindicated, .major],
            "methotrexate with trimethoprim beats the sulfamethoxazole rule")
        let inegy = try #require(Rx.check(["Inegy"], taking: ["clarithromycin"]).only)
        #expect(inegy.message.hasPrefix("Inegy (simvastatin) with clarithromycin:"))
        #expect(inegy.severity == .contraindicated)
    }

    @Test func theMostSevereRuleForAnEffectWins() throws {
        let alert = try #require(Rx.check(["pimozide"], taking: ["clarithromycin"]).only)
        #expect(alert.severity == .contraindicated)
        #expect(
            alert.message
                == "pimozide with clarithromycin: Additive QT prolongation: risk of torsades de pointes and sudden cardiac death."
        )
        let qt = try #require(Rx.check(["citalopram"], taking: ["ondansetron"]).only)
        #expect(qt.severity == .major, "two QT-prolonging drugs, neither high-risk")
    }

    @Test func differentEffectsAreReportedSeparately() {
        let alerts = Rx.check(["tramadol"], taking: ["fluoxetine"])
        #expect(
            Set(alerts.map(\.message)) == [
                "tramadol with fluoxetine: Serotonin syndrome: agitation, tremor, clonus, fever; it can be fatal.",
                "tramadol with fluoxetine: Less codeine or tramadol is converted to its active form: poor pain relief.",
            ])
    }

    @Test func localFormsAreLeftOutOfInteractionChecks() {
        let cream = Rx.checker.check(
            PrescribingCheck(
                newItems: [Rx.line("ketoconazole", form: "shampoo")],
                currentMedicines: [Rx.line("simvastatin")], allergyStatus: .noKnownAllergies))
        #expect(cream.isEmpty)
        let tablets = Rx.checker.check(
            PrescribingCheck(
                newItems: [Rx.line("ketoconazole", form: "tablet")],
                currentMedicines: [Rx.line("simvastatin")], allergyStatus: .noKnownAllergies))
        #expect(tablets.map(\.severity) == [.contraindicated])
    }

    @Test func brandsAndSynonymsMatchLikeGenerics() throws {
        let alert = try #require(Rx.check(["Advil"], taking: ["Coumadin"]).only)
        #expect(alert.message.hasPrefix("Coumadin (warfarin) with Advil (ibuprofen):"))
    }

    @Test func itemsOnTheSamePrescriptionAreCheckedButNotAgainstEachOther() {
        #expect(Rx.check(["ibuprofen"], sameRx: ["warfarin"]).map(\.kind) == [.interaction])
        #expect(
            Rx.check(["paracetamol"], taking: ["warfarin", "ibuprofen"]).isEmpty,
            "current medicines were checked when prescribed")
    }
}
