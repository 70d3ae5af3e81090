import ClinicCore
import Testing

@Suite("Sig shorthand")
struct SigParserTests {
    func words(_ text: String) throws -> String {
        try Rx.sig.parse(text).text
    }

    @Test func theClassicSigReadsAsASentenceWithAQuantity() throws {
        let sig = try Rx.sig.parse("1 tab po bid pc x7d")
        #expect(sig.text == "Take 1 tablet by mouth twice a day after meals for 7 days")
        #expect(sig.quantity?.description == "14 tablets")
        #expect(sig.route?.route == "oral")
        #expect(sig.durationDays == 7)
        #expect(sig.dose?.high == 1)
    }

    @Test(arguments: [
        ("1 cap po tid x5d", "Take 1 capsule by mouth three times a day for 5 days", "15 capsules"),
        ("2 tabs PO QID x 3 days", "Take 2 tablets by mouth four times a day for 3 days", "24 tablets"),
        ("5 mL po q8h for 10 days", "Take 5 mL by mouth every 8 hours for 10 days", "150 mL"),
        ("1/2 tab po daily x4w", "Take 1/2 tablet by mouth once a day for 4 weeks", "14 tablets"),
        ("1 tab po qhs x 2 weeks", "Take 1 tablet by mouth at bedtime for 2 weeks", "14 tablets"),
        ("1 tab po qam x1mo", "Take 1 tablet by mouth every morning for 1 month", "30 tablets"),
        ("1 tab po weekly x4w", "Take 1 tablet by mouth once a week for 4 weeks", "4 tablets"),
        ("1 tab sl stat", "Place 1 tablet under the tongue immediately", "1 tablet"),
        ("1 cap po q6h ac x5d", "Take 1 capsule by mouth every 6 hours before meals for 5 days", "20 capsules"),
        ("1 supp pr qhs x3d", "Insert 1 suppository rectally at bedtime for 3 days", "3 suppositories"),
        (
            "1 patch transdermal q72h x 30 days", "Apply 1 patch to clean, dry skin every 72 hours for 30 days",
            "10 patches"
        ),
        (
            "1-2 tabs po q4-6h prn pain max 8 tabs/24h x5d",
            "Take 1 to 2 tablets by mouth every 4 to 6 hours when needed for pain for 5 days (no more than 8 tablets in 24 hours)",
            "40 tablets"
        ),
        ("1 tab po q12h", "Take 1 tablet by mouth every 12 hours", "-"),
        ("2 puffs inh qid prn", "Inhale 2 puffs four times a day when needed", "-"),
        ("2 gtts each eye qid x7d", "Instil 2 drops into each eye four times a day for 7 days", "-"),
        ("2 sprays each nostril bid", "Use 2 sprays into each nostril twice a day", "-"),
        ("apply top bid", "Apply to the skin twice a day", "-"),
        ("10 units subcut qhs", "Inject 10 units under the skin at bedtime", "-"),
        ("500 mg po tid x5d", "Take 500 mg by mouth three times a day for 5 days", "-"),
        ("1 tab po prn nausea", "Take 1 tablet by mouth when needed for nausea", "-"),
        ("chew 1 tab po daily", "Chew 1 tablet by mouth once a day", "-"),
        ("1 tab p.o. b.i.d.", "Take 1 tablet by mouth twice a day", "-"),
        ("1tab po tds x7d", "Take 1 tablet by mouth three times a day for 7 days", "21 tablets"),
    ])
    func shorthandExpandsAndCountsWhereItCan(_ text: String, _ expected: String, _ quantity: String) throws {
        let sig = try Rx.sig.parse(text)
        #expect(sig.text == expected)
        #expect(sig.quantity?.description ?? "-" == quantity)
    }

    @Test func theExpandedSentenceReadsBackToItself() throws {
        for text in [
            "1 tab po bid pc x7d", "2 gtts each eye qid x7d", "1-2 tabs po q4h prn pain x3d", "1 supp pr qhs x3d",
        ] {
            let once = try words(text)
            #expect(try words(once) == once, "\(text)")
        }
    }

    @Test(arguments: [
        ("1 tab po qd", "“qd” must not be used (mistaken for QID (four times a day)): write “daily”."),
        (
            "1 tab po QOD",
            "“QOD” must not be used (mistaken for QD (daily) or QID (four times a day)): write “every other day”."
        ),
        ("10 U subcut qhs", "“U” must not be used (mistaken for 0, 4 or cc): write “unit”."),
        ("1000 IU po daily", "“IU” must not be used (mistaken for IV or 10): write “International Unit”."),
        (
            "MS 10 mg po q4h",
            "“MS” must not be used (means morphine sulfate or magnesium sulfate): write “morphine sulfate, or magnesium sulfate”."
        ),
        ("MSO4 10 mg po q4h", "“MSO4” must not be used (mistaken for magnesium sulfate): write “morphine sulfate”."),
        ("MgSO4 2 g iv stat", "“MgSO4” must not be used (mistaken for morphine sulfate): write “magnesium sulfate”."),
        (
            "1.0 mg po daily",
            "“1.0” must not be used (a trailing zero is read as ten times the dose when the point is missed): write “the number without the trailing zero (1 mg, not 1.0 mg)”."
        ),
        (
            ".5 mg po daily",
            "“.5” must not be used (a missing leading zero is read as ten times the dose when the point is missed): write “a zero before the point (0.5 mg, not .5 mg)”."
        ),
        ("5 cc po tid", "“cc” must not be used (mistaken for U (units)): write “mL”."),
        ("10 units sc daily", "“sc” must not be used (SC mistaken for SL; SQ read as \"5 every\"): write “subcut”."),
    ])
    func doNotUseAbbreviationsAreRefusedWithTheirReplacement(_ text: String, _ message: String) {
        #expect(throws: SigError.self) { try Rx.sig.parse(text) }
        do {
            _ = try Rx.sig.parse(text)
        } catch {
            #expect(error.problems.contains { $0.description == message }, "\(error.description)")
        }
    }

    @Test func unknownWordsAreNamedWithTheClosestKnownOne() {
        #expect(throws: SigError(problems: [.unknownWord("bdi", suggestion: "bd")])) {
            try Rx.sig.parse("1 tab po bdi")
        }
        #expect(throws: SigError(problems: [.unknownWord("xyzzy", suggestion: nil)])) {
            try Rx.sig.parse("1 tab po bid xyzzy")
        }
        #expect(throws: SigError(problems: [.empty])) { try Rx.sig.parse("   ") }
        #expect(throws: SigError(problems: [.unitWithoutDose("tab")])) { try Rx.sig.parse("tab po bid") }
        #expect(
            throws: SigError(problems: [
                .conflict(what: "frequencies", first: "twice a day", second: "three times a day")
            ])
        ) {
            try Rx.sig.parse("1 tab po bid tid")
        }
        #expect(throws: SigError(problems: [.strayNumber("7")])) { try Rx.sig.parse("1 tab po bid 7") }
    }

    @Test func everyProblemIsReportedAtOnce() {
        do {
            _ = try Rx.sig.parse("1 tab po qd xyzzy")
            Issue.record("a sig with two problems was accepted")
        } catch {
            #expect(error.problems.count == 2)
            #expect(
                error.description
                    == "“qd” must not be used (mistaken for QID (four times a day)): write “daily”. “xyzzy” is not a sig word."
            )
        }
    }

    @Test func badInputNeverCrashes() {
        for text in [
            "x99999999999999999999d", "q0h", "q6-4h", "1/0 tab", "max", "prn", "for", "x", "-", "½½", "1-",
            "99999999999999999999 tab po qid x3650d",
            "🙂", "1 tab po q4-6h-8h", "max 4/day",
        ] {
            _ = try? Rx.sig.parse(text)
        }
    }
}
