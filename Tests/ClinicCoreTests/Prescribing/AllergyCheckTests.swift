import ClinicCore
import Testing

@Suite("Prescribing checks: allergies and cross-reactivity")
struct AllergyCheckTests {
    @Test func theSameDrugIsInterruptive() throws {
        let alerts = Rx.check(["amoxicillin"], allergies: [Rx.allergy("Amoxil", reaction: "hives", severity: .severe)])
        let alert = try #require(alerts.only)
        #expect(alert.kind == .allergy && alert.severity == .interruptive)
        #expect(alert.message == "amoxicillin: recorded allergy to Amoxil (hives, severe).")
        #expect(alert.drugs == ["amoxicillin", "Amoxil"])
    }

    @Test func aPenicillinAllergyIsCaughtInCoAmoxiclavThroughAmoxicillin() throws {
        let alert = try #require(
            Rx.check(
                ["co-amoxiclav"],
                allergies: [
                    Rx.allergy(
                        "penicillin", .drugClass, reaction: "anaphylaxis",
                        severity: .severe)
                ]
            ).only)
        #expect(alert.kind == .allergy && alert.severity == .interruptive)
        #expect(
            alert.message
                == "co-amoxiclav (amoxicillin) is one of the penicillins: recorded allergy to penicillin (anaphylaxis, severe)."
        )
        #expect(alert.advice.hasPrefix("Do not give any penicillin."))
        #expect(alert.severity.needsOverrideReason)
    }

    @Test func aDrugAllergyExtendsToItsClass() throws {
        let alert = try #require(Rx.check(["flucloxacillin"], allergies: [Rx.allergy("amoxicillin")]).only)
        #expect(alert.kind == .allergy && alert.severity == .interruptive)
        #expect(
            alert.message
                == "flucloxacillin is one of the penicillins: recorded allergy to amoxicillin (rash, moderate).")
    }

    @Test func penicillinsAndCephalosporinsCrossReactBySideChainOnly() throws {
        let cefalexin = try #require(Rx.check(["cefalexin"], allergies: [Rx.allergy("amoxicillin")]).only)
        #expect(cefalexin.kind == .crossReactivity && cefalexin.severity == .warning)
        #expect(
            cefalexin.message.hasPrefix(
                "cefalexin may cross-react with the recorded allergy to amoxicillin (rash, moderate): both are"))
        #expect(cefalexin.message.contains("aminobenzyl R1 side chain"))
        #expect(Rx.check(["ceftriaxone"], allergies: [Rx.allergy("amoxicillin")]).isEmpty, "no shared side chain")
        #expect(Rx.check(["ceftriaxone"], allergies: [Rx.allergy("penicillins", .drugClass)]).isEmpty)
        #expect(
            Rx.check(["cefaclor"], allergies: [Rx.allergy("penicillins", .drugClass)]).only?.kind == .crossReactivity)
        #expect(Rx.check(["aztreonam"], allergies: [Rx.allergy("ceftazidime")]).only?.kind == .crossReactivity)
        #expect(Rx.check(["meropenem"], allergies: [Rx.allergy("penicillin", .drugClass)]).isEmpty)
    }

    @Test func aspirinAndNSAIDsCrossReactInBothDirections() throws {
        let ibuprofen = try #require(
            Rx.check(["ibuprofen"], allergies: [Rx.allergy("aspirin", reaction: "wheeze")]).only)
        #expect(ibuprofen.kind == .crossReactivity && ibuprofen.severity == .warning)
        #expect(
            ibuprofen.message == "ibuprofen may cross-react with the recorded allergy to aspirin (wheeze, moderate).")
        let aspirin = try #require(Rx.check(["aspirin"], allergies: [Rx.allergy("NSAIDs", .drugClass)]).only)
        #expect(aspirin.kind == .crossReactivity)
        let naproxen = try #require(Rx.check(["naproxen"], allergies: [Rx.allergy("ibuprofen")]).only)
        #expect(
            naproxen.kind == .allergy
                && naproxen.message == "naproxen is one of the NSAIDs: recorded allergy to ibuprofen (rash, moderate).")
        #expect(
            Rx.check(["paracetamol"], allergies: [Rx.allergy("aspirin"), Rx.allergy("NSAIDs", .drugClass)]).isEmpty)
    }

    @Test func opioidsCrossReactWithinTheirStructuralClass() throws {
        let codeine = try #require(Rx.check(["codeine"], allergies: [Rx.allergy("morphine", reaction: "itch")]).only)
        #expect(codeine.kind == .crossReactivity)
        #expect(
            codeine.message
                == "codeine may cross-react with the recorded allergy to morphine (itch, moderate): both are phenanthrene opioids."
        )
        #expect(
            Rx.check(["fentanyl"], allergies: [Rx.allergy("morphine")]).isEmpty,
            "another structural class is the alternative")
        #expect(Rx.check(["tramadol"], allergies: [Rx.allergy("codeine")]).isEmpty)
    }

    @Test func aSulfonamideAntibioticAllergySaysNothingAboutDiureticsOrSulfonylureas() {
        for allergy in [Rx.allergy("sulfa", .drugClass), Rx.allergy("co-trimoxazole"), Rx.allergy("sulfamethoxazole")] {
            #expect(
                Rx.check(
                    ["furosemide", "hydrochlorothiazide", "gliclazide", "celecoxib", "acetazolamide"],
                    allergies: [allergy]
                )
                .isEmpty, "\(allergy.substance)")
        }
        let bactrim = Rx.check(["Bactrim"], allergies: [Rx.allergy("sulfa", .drugClass)])
        #expect(
            bactrim.map(\.message) == [
                "Bactrim (sulfamethoxazole) is one of the sulfonamide antibacterials: recorded allergy to sulfa (rash, moderate)."
            ])
        #expect(
            Rx.check(["sulfasalazine"], allergies: [Rx.allergy("sulfa", .drugClass)]).only?.kind == .crossReactivity)
    }

    @Test func unknownAllergensAreReportedAndFoodAllergiesIgnored() throws {
        let alert = try #require(Rx.check(["amoxicillin"], allergies: [Rx.allergy("Zorbex", .drug)]).only)
        #expect(alert.kind == .unknownDrug && alert.severity == .warning)
        #expect(
            alert.message
                == "The recorded allergy to “Zorbex” is not in the formulary: the new items were not checked against it."
        )
        #expect(
            Rx.check(["amoxicillin"], allergies: [Rx.allergy("peanut", .food), Rx.allergy("latex", .environmental)])
                .isEmpty)
    }

    @Test func theAllergiesTheDemoRecordsCanAllBeChecked() {
        let demo = [
            Rx.allergy("Penicillins", .drugClass), Rx.allergy("Amoxicillin"), Rx.allergy("Sulfonamides", .drugClass),
            Rx.allergy("Aspirin"), Rx.allergy("Ibuprofen"), Rx.allergy("Codeine"), Rx.allergy("Peanut", .food),
            Rx.allergy("Latex", .environmental), Rx.allergy("Iodinated contrast", .drugClass),
        ]
        #expect(Rx.check(["metformin"], allergies: demo).isEmpty)
        #expect(Rx.check(["iohexol"], allergies: demo).map(\.kind) == [.allergy])
    }

    @Test func allergiesNotYetAskedBlockTheAllergyCheck() throws {
        let alert = try #require(Rx.check(["amoxicillin", "paracetamol"], status: .notAsked).only)
        #expect(alert.kind == .allergiesNotAsked && alert.severity == .interruptive)
        #expect(
            alert.message == "Allergies not yet asked: the allergy check could not run for amoxicillin and paracetamol."
        )
        #expect(Rx.check(["amoxicillin"], status: .noKnownAllergies).isEmpty)
    }

    @Test func allergiesThatCouldNotBeAskedWarnWithTheReasonButDoNotBlockSigning() throws {
        let request = PrescribingCheck(
            newItems: [Rx.line("amoxicillin")], allergyStatus: .unableToAsk, allergyNote: " unconscious on arrival ")
        let alert = try #require(Rx.checker.check(request).only)
        #expect(alert.kind == .allergiesUnknown && alert.severity == .warning)
        #expect(
            alert.message
                == "Allergies unknown — unable to ask (unconscious on arrival): amoxicillin could not be checked for allergy.")
        #expect(SigningRules.refusal(alerts: [alert], overrides: [], allergyStatus: .unableToAsk) == nil)
        let notAsked = try #require(
            SigningRules.refusal(alerts: [], overrides: [], allergyStatus: .notAsked), "not asked still refuses")
        #expect(notAsked.hasPrefix("Allergies not yet asked"))
    }

    @Test func retractedAllergiesNoLongerAlert() {
        let recorded = Rx.allergy("amoxicillin")
        var retraction = Rx.allergy("amoxicillin")
        retraction.supersedes = recorded.id
        retraction.isRetraction = true
        #expect(Rx.check(["amoxicillin"], allergies: [recorded, retraction]).isEmpty)
    }

    @Test func topicalFormsStillMeetAllergyChecks() {
        let alerts = Rx.checker.check(
            PrescribingCheck(
                newItems: [Rx.line("silver sulfadiazine", form: "cream")],
                allergies: [Rx.allergy("sulfa", .drugClass)], allergyStatus: .recorded))
        #expect(alerts.map(\.kind) == [.allergy])
    }
}

extension Array {
    /// The one element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
