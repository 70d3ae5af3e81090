import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk export fhir` read back as a FHIR server would: every line a resource of its
/// file's type with a valid id, the elements R4 requires, codes inside their value sets, and
/// every reference resolving to a resource of the same export.
@Suite("clinicdesk export fhir", .serialized)
struct FHIRExportTests {
    typealias Object = [String: Any]

    static let valueSets: [String: (path: [String], codes: Set<String>)] = [
        "Patient": (["gender"], ["male", "female", "other", "unknown"]),
        "Appointment": (["status"], ["proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow", "entered-in-error",
                                     "checked-in", "waitlist"]),
        "Encounter": (["status"], ["planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error",
                                   "unknown"]),
        "MedicationRequest": (["status"], ["active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown"]),
    ]

    static let required: [String: [String]] = [
        "Patient": ["identifier", "name"],
        "AllergyIntolerance": ["patient", "clinicalStatus", "verificationStatus", "code"],
        "Practitioner": ["name"],
        "Appointment": ["status", "participant", "start", "end"],
        "Encounter": ["status", "class", "subject"],
        "MedicationRequest": ["status", "intent", "subject", "medicationCodeableConcept"],
    ]

    /// Every resource of the export, by type.
    func read(_ folder: String) throws -> [String: [Object]] {
        var resources: [String: [Object]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".ndjson") {
            let type = String(file.dropLast(".ndjson".count))
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            resources[type] = try text.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? Object, "a JSON object per line")
            }
        }
        return resources
    }

    /// Every `reference` anywhere in `value`.
    func references(in value: Any) -> [String] {
        if let object = value as? Object {
            return (object["reference"] as? String).map { [$0] } ?? object.values.flatMap { references(in: $0) }
        }
        if let array = value as? [Any] { return array.flatMap { references(in: $0) } }
        return []
    }

    @Test func theWholeClinicExportsValidResourcesWhoseReferencesResolve() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "200", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let out = runner.path("fhir")
        let result = try runner.run(["export", "fhir", "--out", out, "--as", "admin", "--password-stdin", "--db", db], input: "demo\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("Wrote FHIR R4 NDJSON to \(out): Practitioner 6, Patient 200, "), "\(result.output)")
        let resources = try read(out)
        #expect(Set(resources.keys) == ["Practitioner", "Patient", "AllergyIntolerance", "Appointment", "Encounter", "MedicationRequest"])
        var ids: Set<String> = []
        for (type, list) in resources {
            #expect(!list.isEmpty, "\(type) has resources")
            for resource in list {
                #expect(resource["resourceType"] as? String == type)
                let id = try #require(resource["id"] as? String)
                #expect(id.range(of: "^[A-Za-z0-9\\-\\.]{1,64}$", options: .regularExpression) != nil, "id \(id)")
                #expect(ids.insert("\(type)/\(id)").inserted, "ids are unique: \(type)/\(id)")
                for element in Self.required[type] ?? [] { #expect(resource[element] != nil, "\(type) has \(element)") }
                if let (path, codes) = Self.valueSets[type] {
                    let code = path.reduce(resource as Any?) { ($0 as? Object)?[$1] } as? String
                    #expect(code.map(codes.contains) == true, "\(type) \(path) = \(code ?? "nil")")
                }
            }
        }
        for (type, list) in resources {
            for reference in list.flatMap({ references(in: $0) }) { #expect(ids.contains(reference), "\(type) refers to \(reference)") }
        }
        // MRNs with the clinic's system; names as written, in every script.
        let clinic = try store.clinic().id.description
        let patients = try #require(resources["Patient"])
        let arabic = try #require(patients.first { (($0["name"] as? [Object])?.first?["family"] as? String)?.unicodeScalars
            .contains { (0x0600...0x06FF).contains($0.value) } == true })
        let mrn = try #require((arabic["identifier"] as? [Object])?.first)
        #expect(mrn["system"] as? String == "urn:uuid:\(clinic)")
        let record = try #require(try store.searchPatients(text: "#" + (mrn["value"] as? String ?? "")).first)
        #expect((arabic["name"] as? [Object])?.first?["text"] as? String == record.displayName)
        // "No known allergies" as FHIR says it, for each patient recorded so.
        let allergies = try #require(resources["AllergyIntolerance"])
        let none = allergies.filter { (($0["code"] as? Object)?["coding"] as? [Object])?.first?["code"] as? String == "716186003" }
        #expect(!none.isEmpty, "the demo has patients with no known allergies")
        #expect(none.allSatisfy { ((($0["clinicalStatus"] as? Object)?["coding"] as? [Object])?.first?["code"] as? String) == "active" })
        #expect(try store.auditEvents(limit: 3).contains { $0.action == "records.export" && $0.summary.contains("FHIR resources") })
    }

    @Test func onePatientExportsOnlyTheirRecordsAndANonEmptyFolderIsRefused() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "200", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let prescribed = try #require(try store.searchPatients(text: "#RFC-000008").first)
        let out = runner.path("one")
        let result = try runner.run(["export", "fhir", "--out", out, "--patient", prescribed.mrn.description, "--as", "admin",
                                     "--password-stdin", "--db", db], input: "demo\n")
        #expect(result.status == 0, "\(result.error)")
        let resources = try read(out)
        #expect(resources["Patient"]?.count == 1 && resources["Patient"]?.first?["id"] as? String == prescribed.id.description)
        for type in ["AllergyIntolerance", "Appointment", "Encounter", "MedicationRequest"] {
            for resource in resources[type] ?? [] {
                #expect(references(in: resource).contains("Patient/\(prescribed.id)"), "\(type) is about the patient")
            }
        }
        #expect(resources["MedicationRequest"]?.isEmpty == false, "the demo case's prescriptions")
        let again = try runner.run(["export", "fhir", "--out", out, "--as", "admin", "--password-stdin", "--db", db], input: "demo\n")
        #expect(again.error.contains("is not empty"), "\(again.error)")
        let nurse = try runner.run(["export", "fhir", "--out", runner.path("n"), "--as", "nurse", "--password-stdin", "--db", db], input: "demo\n")
        #expect(nurse.error == "Error: A nurse may not export or import patient records in bulk.\n")
    }
}
