import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

/// The search box's search can be cancelled mid-flight: the next keystroke's search replaces
/// it instead of waiting for it at 1,000,000 patients.
@Suite("Cancellable search")
struct CancellableSearchTests {
    @Test func aCancelledSearchStopsWithCancellationAndAFreshOneAnswers() async throws {
        let fixture = try StoreFixture()
        try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let store = fixture.store
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await store.searchPatients(text: "smith", dateOrder: .dayMonthYear, limit: 20)
        }
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        let answered = try await store.searchPatients(text: "smith", dateOrder: .dayMonthYear, limit: 20)
        #expect(answered.map(\.displayName) == ["Smith, John"])
    }

    @Test func theCancellableSearchFindsWhatTheSearchBoxFinds() async throws {
        let fixture = try StoreFixture()
        try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        for text in ["smi jo", "07911", "2/5/1980", "#TST-000001", "1"] {
            let async = try await fixture.store.searchPatients(text: text, dateOrder: .dayMonthYear, limit: 20)
            #expect(async == (try fixture.store.searchPatients(text: text)), "\(text)")
        }
    }
}
