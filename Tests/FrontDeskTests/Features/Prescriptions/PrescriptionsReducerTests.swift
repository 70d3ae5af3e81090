import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import Testing

@Suite("Prescriptions reducer")
struct PrescriptionsReducerTests {
    let context = FeatureContext<PrescriptionsModal>(session: TestSessions.session())
    let garcia = PatientRef(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000102")!), name: "García, José",
                            mrn: MRN(prefix: "RVC", serial: 2))
    let smith = PatientRef(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000101")!), name: "Smith, John",
                           mrn: MRN(prefix: "RVC", serial: 1))

    func reduce(_ action: PrescriptionsAction) -> (inout PrescriptionsState) -> PrescriptionsFeature.Outcome {
        { PrescriptionsFeature.reduce(&$0, action, context) }
    }

    @Test func showingAPatientForgetsTheLastOneAtOnce() {
        var state = PrescriptionsState()
        expectReduce(&state, reduce(.show(garcia)), changes: { $0.patient = garcia }, returns: .effects(.load(garcia.id)))
        expectReduce(&state, reduce(.show(garcia)), returns: .none)
        state.isLoaded = true
        expectReduce(&state, reduce(.show(nil)), changes: { $0 = PrescriptionsState() }, returns: .none)
    }

    @Test func aLateAnswerForAnotherPatientIsDropped() {
        var state = PrescriptionsState()
        state.patient = smith
        expectReduce(&state, reduce(.loaded(garcia.id, [])), returns: .none)
        expectReduce(&state, reduce(.loaded(smith.id, [])), changes: {
            $0.isLoaded = true
            $0.list.selected = nil  // nothing to select
        }, returns: .none)
    }
}
