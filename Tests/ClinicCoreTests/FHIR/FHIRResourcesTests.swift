import ClinicCore
import Foundation
import Testing

/// Records as FHIR R4 resources: identifiers with the clinic's system, names as written, coded
/// elements inside FHIR's value sets, "no known allergies" as FHIR says it, references by id.
struct FHIRResourcesTests {
    static let clinic = UUID(uuidString: "0193a5c0-0000-7000-8000-000000000001")!
    static let patientID = EntityID<Patient>(UUID(uuidString: "0193a5c0-0000-7000-8000-0000000000aa")!)
    static let providerID = EntityID<Provider>(UUID(uuidString: "0193a5c0-0000-7000-8000-0000000000bb")!)

    static func patient(_ details: PatientDetails, status: AllergyStatus = .notAsked) -> Patient {
        Patient(id: patientID, mrn: MRN(prefix: "RFC", serial: 42), details: details, allergyStatus: status,
                registeredAt: Date(timeIntervalSince1970: 1_796_000_000))
    }

    @Test func aPatientCarriesTheMRNWithTheClinicsSystemAndTheirNameAsWritten() throws {
        let details = PatientDetails(
            familyName: "الخطيب", givenName: "سارة", sex: .female,
            birthDate: BirthDate(date: CalendarDate(iso: "1980-01-01")!, isEstimated: true), phone: try PhoneNumber(parsing: "0501 234 567"),
            address: Address(line: "12 Mill Road", city: "Amman", country: "Jordan"),
            emergencyContact: EmergencyContact(name: "Omar", relationship: "brother", phone: nil),
            identifiers: [PatientIdentifier(kind: "National ID", value: "9801-22")])
        let resource = FHIRResources.patient(Self.patient(details), clinic: Self.clinic)
        #expect(resource["resourceType"] == "Patient" && resource["id"] == .string(Self.patientID.description))
        guard case let .array(identifiers)? = resource["identifier"], case let .object(mrn)? = identifiers.first else {
            Issue.record("no identifiers")
            return
        }
        #expect(mrn["system"] == .string("urn:uuid:0193a5c0-0000-7000-8000-000000000001") && mrn["value"] == "RFC-000042")
        #expect(mrn["type"]?["coding"] == [["system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR", "display": "Medical record number"]])
        #expect(identifiers.count == 2 && identifiers[1]["value"] == "9801-22")
        #expect(resource["name"] == [["use": "official", "family": "الخطيب", "given": ["سارة"], "text": "الخطيب, سارة"]])
        #expect(resource["gender"] == "female" && resource["birthDate"] == "1980-01-01")
        #expect(resource["_birthDate"]?["extension"] == [["url": "urn:clinicdesk:fhir:birth-date-estimated", "valueBoolean": true]])
        #expect(resource["address"] == [["use": "home", "line": ["12 Mill Road"], "city": "Amman", "country": "Jordan"]], "empty parts left out")
        #expect(resource["contact"] == [["name": ["text": "Omar"], "relationship": [["text": "brother"]]]])
        #expect(resource["telecom"] == [["system": "phone", "value": "0501234567", "rank": 1]])
    }

    @Test func everySexIsAnAdministrativeGender() {
        let valueSet: Set = ["male", "female", "other", "unknown"]
        #expect(Set(Sex.allCases.map(FHIRResources.gender)) == valueSet)
    }

    @Test func noKnownAllergiesIsTheSNOMEDCodeAndAnAllergyIsActiveAndConfirmed() throws {
        let patient = Self.patient(PatientDetails(familyName: "Lee", givenName: "Ann"), status: .noKnownAllergies)
        let none = FHIRResources.noKnownAllergies(patient)
        #expect(none["code"]?["coding"] == [["system": "http://snomed.info/sct", "code": "716186003", "display": "No known allergy"]])
        #expect(none["patient"] == ["reference": .string("Patient/\(Self.patientID)")])
        let allergy = Allergy(id: EntityID(UUID()), patientID: Self.patientID, substance: "Penicillins", substanceKind: .drugClass,
                              reaction: "Anaphylaxis", severity: .severe, recordedAt: Date(timeIntervalSince1970: 1_796_000_000), recordedBy: nil)
        let resource = FHIRResources.allergy(allergy)
        #expect(resource["clinicalStatus"]?["coding"] == [["system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                                          "code": "active", "display": "Active"]])
        #expect(resource["category"] == ["medication"] && resource["code"] == ["text": "Penicillins"])
        #expect(resource["reaction"] == [["manifestation": [["text": "Anaphylaxis"]], "severity": "severe"]])
    }

    @Test func appointmentAndEncounterStatusesStayInTheirValueSets() {
        let appointmentStatuses: Set = ["proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow", "entered-in-error",
                                        "checked-in", "waitlist"]
        for status in AppointmentStatus.allCases { #expect(appointmentStatuses.contains(FHIRResources.appointmentStatus(status)), "\(status)") }
        #expect(FHIRResources.appointmentStatus(.noShow) == "noshow" && FHIRResources.appointmentStatus(.completed) == "fulfilled")
        let encounterStatuses: Set = ["planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"]
        for status in QueueStatus.allCases { #expect(encounterStatuses.contains(FHIRResources.encounterStatus(status)), "\(status)") }
        #expect(FHIRResources.encounterStatus(.left) == "cancelled" && FHIRResources.encounterStatus(.done) == "finished")
    }

    @Test func anAppointmentHasItsInstantsAndBothParticipants() {
        let appointment = Appointment(
            id: EntityID(UUID()), patientID: Self.patientID, providerID: Self.providerID,
            start: LocalDateTime(date: CalendarDate(iso: "2026-12-08")!, time: ClockTime(hour: 9, minute: 30)!), minutes: 15,
            kind: .followUp, mode: .video, status: .confirmed, reason: "Blood pressure review")
        let resource = FHIRResources.appointment(appointment, timeZone: TimeZone(identifier: "Asia/Kolkata")!)
        #expect(resource["status"] == "booked" && resource["minutesDuration"] == 15)
        #expect(resource["start"] == "2026-12-08T04:00:00.000Z" && resource["end"] == "2026-12-08T04:15:00.000Z", "09:30 in Kolkata")
        #expect(resource["appointmentType"]?["coding"] == [["system": "http://terminology.hl7.org/CodeSystem/v2-0276", "code": "FOLLOWUP",
                                                            "display": "A follow up visit from a previous appointment"]])
        #expect(resource["participant"] == [
            ["actor": ["reference": .string("Patient/\(Self.patientID)")], "status": "accepted"],
            ["actor": ["reference": .string("Practitioner/\(Self.providerID)")], "status": "accepted"],
        ])
        #expect(resource["reasonCode"] == [["text": "Blood pressure review"]] && resource["serviceType"] == [["text": "video consultation"]])
    }

    @Test func aPrescriptionIsOneRequestPerItemWithItsStanding() {
        let today = CalendarDate(iso: "2026-12-08")!
        let line = PrescriptionLine(drug: "amoxicillin", strength: "500 mg", form: "capsule", durationDays: 7, quantity: "21 capsules",
                                    refills: 1, sig: "Take 1 capsule three times a day for 7 days")
        let prescription = Prescription(
            id: EntityID(UUID()), patientID: Self.patientID, prescriberID: EntityID(UUID()), visitID: nil,
            items: [PrescriptionItem(id: EntityID(UUID()), line: line)], instructions: "", signedAt: Date(timeIntervalSince1970: 1_796_000_000),
            verificationCode: "RX-7KQ2-M9PD")
        let requests = FHIRResources.medicationRequests(prescription, standing: .inForce, requester: Self.providerID, clinic: Self.clinic, today: today)
        #expect(requests.count == 1)
        let request = requests[0]
        #expect(request["status"] == "active" && request["intent"] == "order")
        #expect(request["medicationCodeableConcept"] == ["text": "amoxicillin 500 mg capsule"])
        #expect(request["dosageInstruction"] == [["text": "Take 1 capsule three times a day for 7 days"]])
        #expect(request["groupIdentifier"]?["value"] == "RX-7KQ2-M9PD")
        #expect(request["requester"] == ["reference": .string("Practitioner/\(Self.providerID)")])
        #expect(request["encounter"] == nil, "no visit, no encounter reference")
        #expect(FHIRResources.medicationStatus(.cancelled, validUntil: nil, today: today) == "cancelled")
        #expect(FHIRResources.medicationStatus(.corrected, validUntil: nil, today: today) == "stopped")
        #expect(FHIRResources.medicationStatus(.inForce, validUntil: today.adding(days: -1), today: today) == "completed")
    }
}
