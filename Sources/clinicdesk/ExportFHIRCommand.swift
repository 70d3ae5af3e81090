import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk export fhir --out DIR [--patient MRN]`: FHIR R4 resources as Bulk Data NDJSON
/// files (one resource per line, one file per resource type), for a health ministry's system or
/// another EHR; by an admin, audited.
struct ExportFHIR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir",
        abstract: "FHIR R4 NDJSON: Patient, AllergyIntolerance, Practitioner, Appointment, Encounter, MedicationRequest.",
        discussion: """
            Writes <type>.ndjson files into --out (a new or empty folder). Ids are the records' own, so they \
            stay the same from one export to the next; references point at resources of the same export. \
            MRNs carry the clinic's system (urn:uuid:<clinic id>); "no known allergies" is SNOMED CT 716186003.
            """)

    @Option(help: ArgumentHelp("The folder to write into (created; must be empty).", valueName: "dir"))
    var out: String

    @Option(help: "Only this patient (by MRN) and the records about them.")
    var patient: String?

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    static let types = ["Practitioner", "Patient", "AllergyIntolerance", "Appointment", "Encounter", "MedicationRequest"]

    func run() throws {
        let store = try database.openStore()
        let user = try signedIn.user(in: store, may: .exportRecords)
        let folder = URL(fileURLWithPath: ClinicPaths.expand(out))
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw CommandFailure("\(folder.path) is not empty; an export writes into a new or empty folder.")
        }
        // Written into a folder of its own, which takes the name asked for only when complete and audited.
        let partial = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).partial-\(getpid())")
        try? FileManager.default.removeItem(at: partial)
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: partial) }
        var only: Patient?
        if let patient {
            guard let mrn = MRN(patient), let summary = try store.searchPatients(text: "#" + mrn.description).first(where: { $0.mrn == mrn }),
                  let found = try store.patient(summary.id)
            else { throw CommandFailure("No patient with MRN \(patient).") }
            only = found
        }
        let clinic = try store.clinic().id.uuid
        let today = store.today()
        let files = try NDJSONFiles(folder: partial, types: Self.types)
        defer { files.close() }
        try store.exportClinicalRecords(only: only?.id) { record in
            switch record {
            case let .provider(provider): try files.write(FHIRResources.practitioner(provider), as: "Practitioner")
            case let .patient(patient, allergies):
                try files.write(FHIRResources.patient(patient, clinic: clinic), as: "Patient")
                if patient.allergyStatus == .noKnownAllergies { try files.write(FHIRResources.noKnownAllergies(patient), as: "AllergyIntolerance") }
                for allergy in allergies { try files.write(FHIRResources.allergy(allergy), as: "AllergyIntolerance") }
            case let .appointment(appointment): try files.write(FHIRResources.appointment(appointment, timeZone: store.timeZone), as: "Appointment")
            case let .visit(visit): try files.write(FHIRResources.encounter(visit), as: "Encounter")
            case let .prescription(prescription, standing, requester):
                for request in FHIRResources.medicationRequests(prescription, standing: standing, requester: requester, clinic: clinic, today: today) {
                    try files.write(request, as: "MedicationRequest")
                }
            }
        }
        files.close()
        let counts = Self.types.map { "\($0) \(files.counts[$0] ?? 0)" }.joined(separator: ", ")
        try store.recordExport("FHIR resources (\(counts))\(only.map { " of \($0.mrn)" } ?? "")", file: folder.path,
                               rows: files.counts.values.reduce(0, +), by: Author(user: user))
        try? FileManager.default.removeItem(at: folder)  // empty, or not there
        try FileManager.default.moveItem(at: partial, to: folder)
        print("Wrote FHIR R4 NDJSON to \(folder.path): \(counts).")
    }
}

/// One NDJSON file per resource type, each resource a line of sorted-key JSON.
final class NDJSONFiles {
    let handles: [String: FileHandle]
    private(set) var counts: [String: Int] = [:]
    private let encoder: JSONEncoder
    private var closed = false

    init(folder: URL, types: [String]) throws {
        var handles: [String: FileHandle] = [:]
        for type in types {
            let url = folder.appendingPathComponent("\(type).ndjson")
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CommandFailure("Cannot write \(url.path).")
            }
            handles[type] = try FileHandle(forWritingTo: url)
        }
        self.handles = handles
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func write(_ resource: JSONValue, as type: String) throws {
        guard let handle = handles[type] else { return }
        try handle.write(contentsOf: try encoder.encode(resource) + Data("\n".utf8))
        counts[type, default: 0] += 1
    }

    func close() {
        guard !closed else { return }
        closed = true
        for handle in handles.values { try? handle.close() }
    }
}
