import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// The shell's reducer, one action at a time: the exact state change and the exact outcome.
@Suite("Shell reducer")
struct ShellReducerTests {
    let context = FeatureContext<Never>(session: TestSessions.session(nil))

    func reduce(_ action: ShellAction) -> (inout ShellState) -> ShellFeature.Outcome {
        { ShellFeature.reduce(&$0, action, context) }
    }

    func typed(_ username: String, _ password: String) -> ShellState {
        var state = ShellState(clinicName: "Riverside Clinic")
        state.signIn.form.values[0].setText(username)
        state.signIn.form.values[1].setText(password)
        return state
    }

    @Test func signingInWithoutAUsernameAsksForIt() {
        var state = typed("", "secret")
        state.signIn.form.focus(on: 1)
        expectReduce(&state, reduce(.signInForm(.save)), changes: {
            $0.signIn.error = "Type your username."
            $0.signIn.form.focus(on: 0)
        }, returns: .none)
    }

    @Test func enterInTheUsernameMovesToThePassword() {
        var state = typed("rosa", "")
        expectReduce(&state, reduce(.signInForm(.save)), changes: { $0.signIn.form.focus(on: 1) }, returns: .none)
    }

    @Test func bothFilledInChecksThePasswordOnce() {
        var state = typed(" rosa ", "secret")
        expectReduce(&state, reduce(.signInForm(.save)), changes: { $0.signIn.isChecking = true },
                     returns: .effects(.signIn(username: "rosa", password: "secret")))
        expectReduce(&state, reduce(.signInForm(.save)), returns: .none)
    }

    @Test func aRefusedPasswordIsClearedAndSaysSo() {
        var state = typed("rosa", "wrong")
        state.signIn.isChecking = true
        expectReduce(&state, reduce(.signInAnswered(.refused(remaining: 4))), changes: {
            $0.signIn.isChecking = false
            $0.signIn.error = "Wrong username or password."
            $0.signIn.form.values[1].setText("")
            $0.signIn.form.focus(on: 1)
        }, returns: .none)
    }

    @Test func anAcceptedPasswordTellsTheRoot() {
        var state = typed("rosa", "secret")
        state.signIn.isChecking = true
        expectReduce(&state, reduce(.signInAnswered(.signedIn(TestSessions.receptionist))), changes: { $0.signIn = SignInState() },
                     returns: .delegate(.signedIn(TestSessions.receptionist)))
    }

    @Test func theLastTriesWarnAndALockSaysUntilWhen() {
        var state = typed("rosa", "wrong")
        _ = ShellFeature.reduce(&state, .signInAnswered(.refused(remaining: 2)), context)
        #expect(state.signIn.error == "Wrong username or password. 2 more wrong and this username is locked for a while.")
        let until = Date(timeIntervalSince1970: 1_795_168_800 + 4 * 3600 + 34 * 60 + 10)  // 10:00 UTC + 4 h 34 min 10 s
        _ = ShellFeature.reduce(&state, .signInAnswered(.locked(until: until)), context)
        #expect(state.signIn.error == "Too many wrong passwords: this username is locked until 14:35. An admin can unlock it sooner.")
        #expect(state.signIn.form.values[1].text.isEmpty, "the password typed is cleared")
    }

    @Test func quittingAsksFirstAndYesQuits() {
        var state = ShellState(clinicName: "Riverside Clinic")
        expectReduce(&state, reduce(.askToQuit), returns: .modal(.confirm(Confirmation(
            title: "Quit ClinicDesk?", message: "Everything is saved. Quit now?", yes: .quitConfirmed))))
        expectReduce(&state, reduce(.quitConfirmed), returns: .delegate(.quit))
    }

    @Test func appWideCommandsAreHandedToTheRoot() {
        var state = ShellState(clinicName: "Riverside Clinic")
        expectReduce(&state, reduce(.route(.list(ListMove(.next)))), returns: .delegate(.route(.list(ListMove(.next)))))
        expectReduce(&state, reduce(.focus(.pane(2))), returns: .delegate(.focus(.pane(2))))
        expectReduce(&state, reduce(.toggleHelp), returns: .delegate(.toggleHelp))
    }

    @Test func syncStatusIsReadAndKept() {
        var state = ShellState(clinicName: "Riverside Clinic")
        expectReduce(&state, reduce(.refreshSyncStatus), returns: .effects(.loadSyncStatus))
        let status = SyncStatus(isEnrolled: true, isOnline: false, pendingChanges: 12)
        expectReduce(&state, reduce(.syncStatusLoaded(status)), changes: { $0.sync = status }, returns: .none)
    }
}

/// Defect: a database that was never enrolled said "offline · 12105 changes pending".
@Suite("Status line sync wording")
struct SyncWordingTests {
    let now = TestSessions.now

    @Test func aDatabaseNeverEnrolledSaysItIsNotSetUpAndHow() {
        let local = SyncStatus(isEnrolled: false, pendingChanges: 12_105)
        #expect(StatusBarView.syncText(local, now: now) == "sync not set up: clinicdesk enroll")
        #expect(StatusBarView.syncText(local, now: now, compact: true) == "sync not set up")
        #expect(StatusBarView.tinySyncText(local) == "no sync")
        for text in [StatusBarView.syncText(local, now: now), StatusBarView.tinySyncText(local)] {
            #expect(!text.contains("offline") && !text.contains("pending"))
        }
    }

    @Test func anEnrolledDatabaseSaysWhetherItReachesTheServer() {
        let offline = SyncStatus(isEnrolled: true, isOnline: false, pendingChanges: 12)
        #expect(StatusBarView.syncText(offline, now: now) == "offline · 12 changes pending")
        let online = SyncStatus(isEnrolled: true, isOnline: true, lastSync: now.addingTimeInterval(-120), openConflicts: 2)
        #expect(StatusBarView.syncText(online, now: now) == "online · synced 2 min ago · ⚠ 2 conflicts")
        #expect(StatusBarView.tinySyncText(offline) == "offline·12")
    }
}

/// Defect: help listed raw key names (`ret`, `S-tab`) and some actions several times.
@Suite("Help overlay", .serialized)
struct HelpOverlayTests {
    @Test func eachCommandIsListedOnceWithTheKeysAsFootersWriteThem() async throws {
        let fixture = try DeskFixture()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: 120, height: 60))
        try await driver.signIn("rosa")
        try await driver.keys("F3 F12")
        let rows = driver.screen.textRows
        for description in ["Go to the schedule", "Quit ClinicDesk (asks first)", "Register a new patient"] {
            #expect(rows.filter { $0.contains(description) }.count == 1, "\(description) listed once")
        }
        #expect(rows.contains { $0.contains("F1, 1, g s") && $0.contains("Go to the schedule") })
        #expect(rows.contains { $0.contains("Ctrl-N") && $0.contains("Register a new patient") })
        #expect(rows.contains { $0.contains("Shift-Tab") && $0.contains("Focus the previous pane") })
        #expect(!rows.contains { $0.contains(" ret ") || $0.contains("S-tab") || $0.contains(" C-n ") })
        #expect(rows.contains { $0.contains("Open the selected patient's card — not now: No patient selected") } == false,
                "rosa's recent patients are listed, so one is selected")
    }
}

/// The integrity check at sign-in: run once, its warnings kept in the status line.
@Suite("Shell integrity warnings")
struct ShellIntegrityTests {
    let context = FeatureContext<Never>(session: TestSessions.session(nil))

    func reduce(_ action: ShellAction) -> (inout ShellState) -> ShellFeature.Outcome {
        { ShellFeature.reduce(&$0, action, context) }
    }

    @Test func aBrokenAuditTrailIsCheckedOnceAndStaysInTheStatusLine() {
        var state = ShellState(clinicName: "Riverside Clinic")
        expectReduce(&state, reduce(.checkIntegrity), changes: { $0.integrityChecked = true }, returns: .effects(.checkIntegrity))
        expectReduce(&state, reduce(.checkIntegrity), returns: .none)
        let warning = IntegrityWarning(short: "audit trail broken", detail: "The audit trail was tampered with: event #3 was removed.")
        expectReduce(&state, reduce(.integrityChecked([warning])), changes: { $0.warnings = [warning] },
                     returns: .refusal("The audit trail was tampered with: event #3 was removed."))
        var buffer = Buffer(size: Size(width: 120, height: 1))
        let context = ViewContext(session: TestSessions.session(TestSessions.receptionist), isFocused: false,
                                  hints: KeyHints(keymap: Keymap(), contexts: []))
        StatusBarView.render(state, context, in: Rect(x: 0, y: 0, width: 120, height: 1), buffer: &buffer)
        #expect(buffer.text(ofRow: 0).contains("rosa (receptionist) │ ⚠ audit trail broken"), "\(buffer.text(ofRow: 0))")
        expectReduce(&state, reduce(.integrityChecked([])), changes: { $0.warnings = [] }, returns: .none)
    }
}
