import ClinicCore
import Foundation
@testable import FrontDesk
import TerminalKit
import Testing

/// Billing's reducer and forms, one action at a time: who may open it, the change shown as cash
/// is typed, what each method's form asks for, and bad amounts refused by field with nothing saved.
@Suite("Billing reducer")
struct BillingReducerTests {
    static let nurse = User(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000003")!), username: "nia",
                            displayName: "Nurse Nia Obi", role: .nurse)
    static let invoiceID = EntityID<Invoice>(UUID(uuidString: "00000000-0000-7000-8000-000000000701")!)
    let rupee = Currency.rupee

    func context(_ modal: BillingModal?, _ user: User = TestSessions.receptionist) -> BillingFeature.Context {
        FeatureContext(session: TestSessions.session(user), modal: modal)
    }

    /// A state with an invoice on screen, and the payment form for `method` over it (owing 500).
    func paying(_ method: PaymentMethod) -> (BillingState, BillingModal) {
        var state = BillingState()
        state.invoice = InvoiceScreen(invoiceID: Self.invoiceID)
        return (state, .payment(method, BillingDialogs.paymentForm(method, owed: Money(minor: 50_000), rupee)))
    }

    /// Sends `action` over `modal` and returns the outcome with the form it leaves on top.
    func send(_ action: BillingAction, _ state: inout BillingState, _ modal: inout BillingModal) -> BillingFeature.Outcome {
        let outcome = BillingFeature.reduce(&state, action, context(modal))
        for request in outcome.modals {
            if case let .replace(next) = request { modal = next }
        }
        return outcome
    }

    func form(_ modal: BillingModal) -> FormDialog? {
        if case let .payment(_, form) = modal { return form }
        return nil
    }

    @Test func billingOpensForTheDeskAndSaysWhyNotForANurse() {
        var state = BillingState()
        let refused = BillingFeature.reduce(&state, .open, context(nil, Self.nurse))
        #expect(refused.message?.text.contains("nurse") == true, "\(refused.message?.text ?? "")")
        #expect(!state.isOpen && refused.effects.isEmpty)
        let opened = BillingFeature.reduce(&state, .open, context(nil))
        #expect(state.isOpen)
        #expect(opened.effects == [.loadDay(TestSessions.session().today), .loadPrices(includingRetired: false)])
        #expect(opened.modals == [.push(.day)])
    }

    @Test func theChangeToGiveFollowsTheTenderedAmountAsItIsTyped() {
        var (state, modal) = paying(.cash)
        #expect(form(modal)?.text(0) == "500.00", "the amount owed is filled in")
        #expect(form(modal)?.intro == "Paying 500.00 in cash; type what was handed over to see the change.")
        _ = send(.form(.nextField), &state, &modal)
        _ = send(.typed(.insert("4")), &state, &modal)
        #expect(form(modal)?.intro == "Tendered 4.00 is less than 500.00.")
        _ = send(.typed(.insert("50")), &state, &modal)
        #expect(form(modal)?.intro == "Tendered 450.00 is less than 500.00.")
        let short = send(.form(.save), &state, &modal)
        #expect(short.effects.isEmpty, "nothing is saved")
        #expect(form(modal)?.errors[1] == "Less than the 500.00 to pay.")
        _ = send(.typed(.insert("0")), &state, &modal)
        #expect(form(modal)?.intro == "Change to give: 4,000.00")
        let saved = send(.form(.save), &state, &modal)
        #expect(saved.effects == [.pay(PaymentDraft(method: .cash, amount: Money(minor: 50_000), tendered: Money(minor: 450_000)),
                                       Self.invoiceID, TestSessions.receptionist)])
    }

    @Test func eachMethodAsksForItsOwnReferences() {
        let labels = { (method: PaymentMethod) in
            BillingDialogs.paymentForm(method, owed: Money(minor: 50_000), self.rupee).fields.map(\.label)
        }
        #expect(labels(.cash) == ["Amount", "Tendered"])
        #expect(labels(.card) == ["Amount", "Card reference"])
        #expect(labels(.upi) == ["Amount", "UPI transaction"])
        #expect(labels(.insurance) == ["Payer's share", "Payer", "Policy number", "Claim reference"])
        #expect(labels(.other) == ["Amount", "Reference"])
    }

    @Test func anInsurancePaymentWithoutItsPolicyIsRefusedByField() {
        var (state, modal) = paying(.insurance)
        _ = send(.form(.nextField), &state, &modal)
        _ = send(.typed(.insert("Star Health")), &state, &modal)
        let outcome = send(.form(.save), &state, &modal)
        #expect(outcome.effects.isEmpty)
        #expect(outcome.message?.text == "Not saved: 2 fields need attention.")
        #expect(form(modal)?.errors[2] == "Type the policy number.")
        #expect(form(modal)?.errors[3] == "Type the claim reference.")
    }

    @Test func anAmountWithTooManyDecimalsOrNothingIsNotTaken() {
        for (typed, problem) in [("12.345", "“12.345” is not an amount in INR; type e.g. 250 or 250.50."),
                                 ("", "Type the amount."), ("0", "The amount is more than nothing.")] {
            var (state, modal) = paying(.upi)
            _ = send(.typed(.deleteToStart), &state, &modal)
            if !typed.isEmpty { _ = send(.typed(.insert(typed)), &state, &modal) }
            _ = send(.form(.nextField), &state, &modal)
            _ = send(.typed(.insert("UPI-1")), &state, &modal)
            let outcome = send(.form(.save), &state, &modal)
            #expect(outcome.effects.isEmpty, "\(typed)")
            #expect(form(modal)?.errors[0] == problem)
        }
    }

    @Test func aRefundWithoutAReasonIsNotSaved() {
        let payment = Payment(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000801")!), invoiceID: Self.invoiceID,
                              patientID: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000901")!), kind: .payment,
                              method: .card, amount: Money(minor: 50_000), reference: "AUTH 1",
                              receipt: ReceiptNumber(prefix: "RVC", serial: 1), takenAt: TestSessions.now,
                              takenBy: TestSessions.receptionist.id, takenByName: "Rosa Díaz", device: "desk")
        var state = BillingState()
        state.invoice = InvoiceScreen(invoiceID: Self.invoiceID)
        let form = FormDialog(title: "Refund", intro: "", fields: [FormField("Amount", isRequired: true), FormField("Reason", isRequired: true)],
                              values: ["500.00", ""])
        let refused = BillingFeature.reduce(&state, .form(.save), context(.refund(payment, form), TestSessions.receptionist))
        #expect(refused.effects.isEmpty)
        guard case let .replace(.refund(_, shown))? = refused.modals.last else {
            Issue.record("the form stays with its problem")
            return
        }
        #expect(shown.errors[1] == "Give a reason for the refund.")
    }
}
