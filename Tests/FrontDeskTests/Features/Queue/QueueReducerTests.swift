import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import Testing

@Suite("Queue reducer")
struct QueueReducerTests {
    let context = FeatureContext<QueueModal>(session: TestSessions.session())

    func reduce(_ action: QueueAction) -> (inout QueueState) -> QueueFeature.Outcome {
        { QueueFeature.reduce(&$0, action, context) }
    }

    static func entry(_ name: String, _ serial: Int, minutesAgo: Int, status: QueueStatus = .waiting) -> QueueEntry {
        let visit = Visit(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-0000000002\(Digits.padded(serial, 2))")!),
                          patientID: EntityID(UUID(uuidString: "00000000-0000-7000-8000-0000000003\(Digits.padded(serial, 2))")!),
                          appointmentID: nil, providerID: nil,
                          day: CalendarDate(iso: "2026-11-20")!, arrivedAt: TestSessions.now.addingTimeInterval(Double(-60 * minutesAgo)),
                          status: status)
        return QueueEntry(visit: visit, patientName: name, patientMRN: MRN(prefix: "RVC", serial: serial), allergyStatus: .notAsked,
                          providerName: nil, appointmentTime: nil)
    }

    let smith = entry("Smith, John", 1, minutesAgo: 40)
    let garcia = entry("García, José", 2, minutesAgo: 5, status: .inConsultation)

    @Test func refreshingReadsToday() {
        var state = QueueState()
        expectReduce(&state, reduce(.refresh),
                     returns: .effects(.load(CalendarDate(iso: "2026-11-20")!), .loadContext(TestSessions.receptionist)))
    }

    @Test func newRowsKeepTheSelectionOnTheSamePatient() {
        var state = QueueState()
        expectReduce(&state, reduce(.loaded([smith, garcia])), changes: {
            $0.entries = [smith, garcia]
            $0.isLoaded = true
        }, returns: .none)
        state.list.selected = 1
        let newcomer = Self.entry("Østergaard, Søren", 3, minutesAgo: 0)
        expectReduce(&state, reduce(.loaded([newcomer, smith, garcia])), changes: {
            $0.entries = [newcomer, smith, garcia]
            $0.list.selected = 2
        }, returns: .none)
    }

    @Test func theFilterMatchesTheWordsOnScreen() {
        var state = QueueState()
        state.entries = [smith, garcia]
        for character in "late" { _ = QueueFeature.reduce(&state, .filterTyped(.insert(String(character))), context) }
        #expect(state.list.selected == 0)
        state.list.selected = nil
        expectReduce(&state, reduce(.filter(.accept)), changes: {
            $0.list.filter.accept()
            $0.list.selected = 0
        }, returns: .none)
        expectReduce(&state, reduce(.openSelected), returns: .delegate(.openPatient(smith.visit.patientID)))
    }

    @Test func aWalkInIsCheckedInAndEveryPaneReadsAgain() {
        var state = QueueState()
        let patient = PatientRef(id: smith.visit.patientID, name: "Smith, John", mrn: smith.patientMRN)
        expectReduce(&state, reduce(.checkInWalkIn(patient)), returns: .effects(.checkInWalkIn(patient, TestSessions.receptionist)))
        expectReduce(&state, reduce(.wrote("Checked in Smith, John as a walk-in.")),
                     returns: QueueFeature.Outcome(delegates: [.storeWritten],
                                                   message: StatusMessage("Checked in Smith, John as a walk-in.")))
        expectReduce(&state, reduce(.failed(.refused("A nurse may not do that."))), returns: .refusal("A nurse may not do that."))
    }
}
