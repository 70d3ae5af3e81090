import ClinicCore
import ClinicStore
import ClinicSync
import Foundation
import Testing

extension SyncSuite {
    /// A device restored from last night's backup is an older copy of itself: what it did after
    /// the backup and had sent is taken back from the server, nothing is sent twice, and it never
    /// gives out an MRN or receipt number a second time.
    @Suite("A device restored from a backup", .serialized)
    struct RestoreSyncTests {
        @Test func backupMoreWorkSyncRestoreSyncEndsWithEqualDigestsAndNothingLostOrDuplicated() async throws {
            try await SyncWorld.run { world in
                let a = try await world.device("a", clinic: "Riverside")
                let b = try await world.device("b", clinic: "Riverside")
                let kept = try a.register("Kept", "Before")
                await a.sync()
                let backup = world.folder.appendingPathComponent("a-backup.sqlite").path
                let check = try a.store.backup(to: backup)
                #expect(check.rowCounts["patient"] == 1)

                // More work after the backup, sent to the server: a registration, an edit, a payment.
                let after = try a.register("After", "Backup")
                try a.edit(kept.id) { $0.phone = try PhoneNumber(parsing: "0612 345 678") }
                let item = try a.store.savePriceItem(PriceItemDraft(code: "CONS-WALKIN", name: "Walk-in", category: .consultation,
                                                                    price: Money(minor: 50_000), taxRate: .zero), by: .system("test"))
                let invoice = try a.store.openInvoice(patient: after.id, currency: .rupee, by: a.receptionist)
                try a.store.addCharge(item.id, to: invoice.id, by: a.receptionist)
                let paid = try a.store.takePayment(PaymentDraft(method: .cash, amount: Money(minor: 50_000)), on: invoice.id,
                                                   by: a.receptionist)
                await a.sync()
                await b.sync()

                // The disk dies; last night's backup is restored, and the desk works on before it syncs.
                let path = world.folder.appendingPathComponent("a-restored.sqlite").path
                let outcome = try ClinicStore.restore(from: backup, to: path, replace: false)
                #expect(outcome.replacedKeptAt == nil)
                let restored = try ClinicStore.open(at: path)
                #expect(try restored.patient(after.id) == nil, "the restored copy is older")
                let desk = Author(user: try #require(try restored.users().first { $0.username == "rosa-a" }))
                let early = try restored.registerPatient(PatientDetails(familyName: "Early", givenName: "Riser"), by: desk)
                #expect(early.mrn != after.mrn, "an MRN given out after the backup is not given again")
                let runner = SyncRunner(store: restored, transport: HTTPSyncTransport())
                let failure = await runner.syncOnce()
                #expect(failure == nil, "\(failure?.description ?? "")")

                #expect(try restored.patient(after.id)?.mrn == after.mrn, "its own registration came back")
                #expect(try restored.patient(kept.id)?.details.phone?.normalized == "0612345678", "its own edit came back")
                let summary = try restored.invoiceSummary(invoice.id)
                #expect(summary.payments.map(\.id) == [paid.id] && summary.standing == .paid, "its payment came back, once")
                let second = try restored.openInvoice(patient: early.id, currency: .rupee, by: desk)
                try restored.addCharge(item.id, to: second.id, by: desk)
                let next = try restored.takePayment(PaymentDraft(method: .card, amount: Money(minor: 100), reference: "A1"),
                                                    on: second.id, by: desk)
                #expect(next.receipt != paid.receipt && next.receipt.serial > paid.receipt.serial, "receipts go on past it")
                #expect(await runner.syncOnce() == nil)
                await b.sync()

                let compared = try await runner.compareWithServer()
                #expect(compared.local == compared.server, "the restored device holds exactly what the server holds")
                #expect(try await b.matchesServer())
                #expect(try b.store.searchPatients(text: "Early").count == 1)
                for store in [restored, b.store] {
                    #expect(try store.searchPatients(text: "After").count == 1, "nothing duplicated")
                }
                #expect(try restored.pendingChangeCount() == 0)
                // Its audit trail took back what it wrote after the backup, and went on from there.
                #expect(try restored.auditEventsToSend(limit: 500).isEmpty, "the server holds its whole trail")
                #expect(try restored.verifyAuditChain().problem == nil, "the trail is whole on the device")
                let actions = try restored.auditTrail(AuditQuery(limit: 1_000)).map(\.event.action)
                #expect(actions.contains("payment.take") && actions.contains("database.restore"),
                        "the payment made after the backup is in its trail again, and so is the restore")
            }
        }
    }
}
