import ClinicCore
import ClinicStore
import Foundation
@testable import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// Writing prescriptions driven by keys against a real store: the formulary searched and the
/// directions read as they are typed, two medicines, an allergy alert signed over with a reason,
/// signing refused while allergies are not yet asked, a receptionist told why not, a correction,
/// and a slip printed.
@Suite("Prescribing flow", .serialized)
struct PrescribingFlowTests {
    func start(_ username: String = "amina") async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()  // Smith allergic to penicillins, García no known allergies
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: 120, height: 32))
        try await driver.signIn(username)
        return (fixture, driver)
    }

    func prescriptions(_ family: String, _ fixture: DeskFixture) throws -> [Prescription] {
        try fixture.store.prescriptions(of: fixture.patients[family]!.id)
    }

    /// Opens the card of the patient with this MRN serial and starts a prescription from it.
    func prescribe(_ serial: Int, _ driver: inout FlowDriver) async throws {
        try await driver.keys("F3")
        await driver.type("#RVC-\(String(format: "%06d", serial))")
        try await driver.keys("ret p")
    }

    /// Types a medicine into the open medicine form and saves it.
    func medicine(_ name: String, directions: String, quantity: String = "", _ driver: inout FlowDriver) async throws {
        await driver.type(name)
        try await driver.keys("tab tab tab")
        await driver.type(directions)
        if !quantity.isEmpty {
            try await driver.keys("tab")
            await driver.type(quantity)
        }
    }

    @Test func twoMedicinesAndAnAllergyAlertSignedOverWithAReason() async throws {
        var (fixture, driver) = try await start()
        try await prescribe(1, &driver)  // Smith, John: allergic to penicillins
        #expect(driver.text.contains("Medicine 1 for Smith, John"), "\(driver.text)")
        await driver.type("amox")
        #expect(driver.text.contains("Matches: amoxicillin"), "the formulary as it is typed: \(driver.text)")
        await driver.type("icillin")
        try await driver.keys("tab tab tab")
        await driver.type("1 cap po tid x7d")
        #expect(driver.text.contains("→ Take 1 capsule by mouth three times a day") && driver.text.contains("for 7 days (21 capsules)"),
                "the directions in words as they are typed: \(driver.text)")
        try await driver.keys("C-s")
        #expect(driver.text.contains("Prescription for Smith, John") && driver.text.contains("Check and sign"), "\(driver.text)")
        try await driver.keys("down ret")  // add another
        try await medicine("paracetamol", directions: "1 tab po q6h prn", quantity: "20 tablets", &driver)
        try await driver.keys("C-s")
        #expect(driver.text.contains("paracetamol"), "\(driver.text)")
        try await driver.keys("ret")  // check and sign
        #expect(driver.text.contains("1 alert for Smith, John") && driver.text.contains("allergy"), "\(driver.text)")
        try await driver.keys("C-s")
        #expect(driver.text.contains("Say why this is signed anyway"), "a reason is required: \(driver.text)")
        #expect(try prescriptions("Smith", fixture).isEmpty, "nothing signed without it")
        await driver.type("Tolerated amoxicillin in 2024")
        try await driver.keys("C-s")
        let signed = try #require(try prescriptions("Smith", fixture).first)
        #expect(signed.items.map(\.drug) == ["amoxicillin", "paracetamol"])
        #expect(signed.items[0].sig == "Take 1 capsule by mouth three times a day for 7 days" && signed.items[0].quantity == "21 capsules")
        #expect(signed.overrides.map(\.reason) == ["Tolerated amoxicillin in 2024"])
        #expect(driver.text.contains("Signed \(signed.verificationCode) for Smith, John"), "\(driver.text)")
        let audit = try fixture.store.auditEvents(table: "prescription", id: signed.id.description)
        #expect(audit.first?.summary.contains("Tolerated amoxicillin in 2024") == true)
    }

    @Test func signingIsRefusedWhileAllergiesAreNotYetAsked() async throws {
        var (fixture, driver) = try await start()
        try await prescribe(5, &driver)  // 王, 小明: never asked
        try await medicine("paracetamol", directions: "1 tab po q6h prn", quantity: "10 tablets", &driver)
        try await driver.keys("C-s ret")
        #expect(driver.text.contains("Allergies not yet asked"), "\(driver.text)")
        #expect(try prescriptions("王", fixture).isEmpty)
    }

    @Test func anUnknownMedicineAndADoNotUseAbbreviationAreNamedInTheirFields() async throws {
        var (_, driver) = try await start()
        try await prescribe(2, &driver)
        try await medicine("amoxycilin", directions: "1 tab po QD", &driver)
        try await driver.keys("C-s")
        #expect(driver.text.contains("not in the formulary") && driver.text.contains("amoxicillin"), "did you mean: \(driver.text)")
        #expect(driver.text.contains("QD"), "the do-not-use abbreviation is named: \(driver.text)")
    }

    @Test func aReceptionistCannotPrescribeAndIsToldWhy() async throws {
        var (fixture, driver) = try await start("rosa")
        let before = try prescriptions("García", fixture)
        try await prescribe(2, &driver)
        #expect(driver.text.contains("A receptionist may not prescribe"), "\(driver.text)")
        #expect(!driver.text.contains("Medicine 1 for"))
        #expect(try prescriptions("García", fixture) == before)
    }

    @Test func aCorrectionReplacesTheSelectedPrescriptionAndASlipIsWritten() async throws {
        var (fixture, driver) = try await start()
        let before = try prescriptions("García", fixture)
        fixture.clock.advance(by: 60)  // signed a minute after the fixture's own
        try await prescribe(2, &driver)  // García, José: no known allergies
        try await medicine("paracetamol", directions: "1 tab po q6h prn", quantity: "20 tablets", &driver)
        try await driver.keys("C-s ret")
        let first = try #require(try prescriptions("García", fixture).first { !before.contains($0) })
        #expect(try prescriptions("García", fixture).first == first, "newest first, so selected first in the pane")
        try await driver.keys("F4 p")  // print the selected (only) one
        let slip = URL(fileURLWithPath: fixture.store.path).deletingLastPathComponent().appendingPathComponent("slips/\(first.verificationCode).pdf")
        #expect(driver.text.contains("Wrote the slip of \(first.verificationCode)"), "\(driver.text)")
        #expect(FileManager.default.fileExists(atPath: slip.path))
        fixture.clock.advance(by: 60)
        try await driver.keys("c")
        await driver.type("Smaller supply")
        try await driver.keys("C-s")
        #expect(driver.text.contains("Correction for García, José"), "\(driver.text)")
        try await driver.keys("ret")
        let all = try prescriptions("García", fixture)
        #expect(all.count == before.count + 2)
        let correction = try #require(all.first { $0.supersedes == first.id })
        #expect(correction.supersedeReason == "Smaller supply")
        #expect(try fixture.store.verifyPrescription(code: first.verificationCode)?.standing
            == .replaced(by: correction.verificationCode, on: correction.signedAt, reason: "Smaller supply"))
    }
}
