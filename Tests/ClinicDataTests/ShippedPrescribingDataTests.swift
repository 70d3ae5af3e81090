import ClinicCore
import ClinicData
import Testing

@Suite("Shipped prescribing data")
struct ShippedPrescribingDataTests {
    @Test func everyFileLoads() throws {
        do {
            _ = try ShippedPrescribingData.load()
        } catch {
            Issue.record("\(error)")
        }
    }
}
