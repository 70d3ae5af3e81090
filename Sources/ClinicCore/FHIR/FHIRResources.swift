public import Foundation

/// ClinicDesk's records as FHIR R4 resources (Bulk Data export: one resource per NDJSON line).
/// Ids are the records' own UUIDs, so a resource keeps its id from one export to the next, and
/// references point at resources of the same export. Coded elements use FHIR's value sets:
/// administrative-gender, appointmentstatus, encounter-status, allergyintolerance-clinical and
/// -verification, medicationrequest-status; "no known allergies" is the SNOMED CT code FHIR's
/// International Patient Summary uses (716186003).
public enum FHIRResources {
    /// The code systems and URIs the resources use.
    public enum System {
        public static let clinicalStatus = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
        public static let verificationStatus = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
        public static let identifierType = "http://terminology.hl7.org/CodeSystem/v2-0203"
        public static let appointmentReason = "http://terminology.hl7.org/CodeSystem/v2-0276"
        public static let actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
        public static let snomed = "http://snomed.info/sct"
        public static let estimatedBirthDate = "urn:clinicdesk:fhir:birth-date-estimated"

        /// The system of a clinic's MRNs (and prescription codes): the clinic's own id as a URN.
        public static func clinic(_ id: UUID) -> String { "urn:uuid:" + id.uuidString.lowercased() }
    }

    public static let noKnownAllergyCode = "716186003"

    static func reference(_ type: String, _ id: String) -> JSONValue { ["reference": .string("\(type)/\(id)")] }

    static func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSONValue {
        (["system": .string(system), "code": .string(code)] as JSONValue).with("display", display.map(JSONValue.string))
    }

    static func concept(_ system: String, _ code: String, _ display: String? = nil) -> JSONValue {
        ["coding": [coding(system, code, display)]]
    }

    static func instant(_ date: Date) -> JSONValue { .string(ISOInstant.format(date)) }

    // MARK: Patient

    public static func patient(_ patient: Patient, clinic: UUID) -> JSONValue {
        let details = patient.details
        var identifiers: [JSONValue] = [
            [
                "use": "usual", "system": .string(System.clinic(clinic)), "value": .string(patient.mrn.description),
                "type": ["coding": [coding(System.identifierType, "MR", "Medical record number")], "text": "MRN"],
            ],
        ]
        identifiers += details.identifiers.map { ["type": ["text": .string($0.kind)], "value": .string($0.value)] }
        var name: JSONValue = ["use": "official", "text": .string(details.displayName)]
        name = name.with("family", .string(details.familyName)).with("given", details.givenName.isEmpty ? nil : [.string(details.givenName)])
        var telecom: [JSONValue] = []
        if let phone = details.phone { telecom.append(["system": "phone", "value": .string(phone.normalized), "rank": 1]) }
        if let phone = details.alternatePhone { telecom.append(["system": "phone", "value": .string(phone.normalized), "rank": 2]) }
        var resource: JSONValue = [
            "resourceType": "Patient", "id": .string(patient.id.description), "identifier": .array(identifiers),
            "active": .bool(patient.mergedInto == nil), "name": [name], "gender": .string(gender(details.sex)),
        ]
        resource = resource.with("telecom", .array(telecom))
        if let birth = details.birthDate {
            resource = resource.with("birthDate", .string(birth.date.description))
            if birth.isEstimated {
                resource = resource.with("_birthDate", ["extension": [["url": .string(System.estimatedBirthDate), "valueBoolean": true]]])
            }
        }
        let address = details.address
        if !(address.line + address.city + address.region + address.postalCode + address.country).isEmpty {
            resource = resource.with("address", [
                (["use": "home"] as JSONValue).with("line", address.line.isEmpty ? nil : [.string(address.line)])
                    .with("city", .string(address.city)).with("state", .string(address.region))
                    .with("postalCode", .string(address.postalCode)).with("country", .string(address.country)),
            ])
        }
        if let contact = details.emergencyContact {
            var entry: JSONValue = ["name": ["text": .string(contact.name)]]
            entry = entry.with("relationship", contact.relationship.isEmpty ? nil : [["text": .string(contact.relationship)]])
                .with("telecom", contact.phone.map { [["system": "phone", "value": .string($0.normalized)]] })
            resource = resource.with("contact", [entry])
        }
        if let survivor = patient.mergedInto {
            resource = resource.with("link", [["other": reference("Patient", survivor.description), "type": "replaced-by"]])
        }
        return resource
    }

    /// administrative-gender: male | female | other | unknown.
    public static func gender(_ sex: Sex) -> String {
        switch sex {
        case .female: "female"
        case .male: "male"
        case .other: "other"
        case .unknown: "unknown"
        }
    }

    // MARK: AllergyIntolerance

    /// An allergy in force.
    public static func allergy(_ allergy: Allergy) -> JSONValue {
        let category: String = switch allergy.substanceKind {
        case .drug, .drugClass: "medication"
        case .food: "food"
        case .environmental, .other: "environment"
        }
        var reaction: JSONValue = ["manifestation": [["text": .string(allergy.reaction.isEmpty ? "not recorded" : allergy.reaction)]]]
        if allergy.severity != .unknown { reaction = reaction.with("severity", .string(allergy.severity.rawValue)) }
        return [
            "resourceType": "AllergyIntolerance", "id": .string(allergy.id.description),
            "clinicalStatus": concept(System.clinicalStatus, "active", "Active"),
            "verificationStatus": concept(System.verificationStatus, "confirmed", "Confirmed"),
            "type": "allergy", "category": [.string(category)], "code": ["text": .string(allergy.substance)],
            "patient": reference("Patient", allergy.patientID.description), "recordedDate": instant(allergy.recordedAt),
            "reaction": [reaction],
        ]
    }

    /// The patient was asked and has no known allergies: FHIR says so with an AllergyIntolerance
    /// coded "No known allergy" (SNOMED CT 716186003), not by leaving allergies out.
    public static func noKnownAllergies(_ patient: Patient) -> JSONValue {
        [
            "resourceType": "AllergyIntolerance", "id": .string("nka-" + patient.id.description),
            "clinicalStatus": concept(System.clinicalStatus, "active", "Active"),
            "verificationStatus": concept(System.verificationStatus, "confirmed", "Confirmed"),
            "code": ["coding": [coding(System.snomed, noKnownAllergyCode, "No known allergy")], "text": "No known allergies"],
            "patient": reference("Patient", patient.id.description),
        ]
    }

    // MARK: Practitioner, Appointment, Encounter

    public static func practitioner(_ provider: Provider) -> JSONValue {
        ["resourceType": "Practitioner", "id": .string(provider.id.description), "active": true,
         "name": [["text": .string(provider.displayName)]]]
    }

    /// appointmentstatus: booked | arrived | fulfilled | cancelled | noshow | checked-in.
    public static func appointmentStatus(_ status: AppointmentStatus) -> String {
        switch status {
        case .booked, .confirmed: "booked"
        case .checkedIn: "checked-in"
        case .inConsultation: "arrived"
        case .completed, .followUpBooked: "fulfilled"
        case .cancelled: "cancelled"
        case .noShow: "noshow"
        }
    }

    public static func appointment(_ appointment: Appointment, timeZone: TimeZone) -> JSONValue {
        let start = appointment.start.date.start(in: timeZone).addingTimeInterval(Double(appointment.start.time.minuteOfDay) * 60)
        let type = switch appointment.kind {
        case .new: ("ROUTINE", "Routine appointment - default if not valued")
        case .followUp: ("FOLLOWUP", "A follow up visit from a previous appointment")
        case .walkIn: ("WALKIN", "A previously unscheduled walk-in visit")
        }
        var resource: JSONValue = [
            "resourceType": "Appointment", "id": .string(appointment.id.description),
            "status": .string(appointmentStatus(appointment.status)),
            "appointmentType": concept(System.appointmentReason, type.0, type.1),
            "start": instant(start), "end": instant(start.addingTimeInterval(Double(appointment.minutes) * 60)),
            "minutesDuration": .int(appointment.minutes),
            "participant": [
                ["actor": reference("Patient", appointment.patientID.description), "status": "accepted"],
                ["actor": reference("Practitioner", appointment.providerID.description), "status": "accepted"],
            ],
        ]
        resource = resource.with("reasonCode", appointment.reason.isEmpty ? nil : [["text": .string(appointment.reason)]])
            .with("cancelationReason", appointment.cancelReason.map { ["text": .string($0)] })
            .with("serviceType", appointment.mode == .inPerson ? nil : [["text": .string("\(appointment.mode) consultation")]])
        return resource
    }

    /// encounter-status: arrived | in-progress | finished | cancelled (left before being seen).
    public static func encounterStatus(_ status: QueueStatus) -> String {
        switch status {
        case .waiting, .called: "arrived"
        case .inConsultation: "in-progress"
        case .done: "finished"
        case .left: "cancelled"
        }
    }

    public static func encounter(_ visit: Visit) -> JSONValue {
        var period: JSONValue = ["start": instant(visit.arrivedAt)]
        period = period.with("end", visit.finishedAt.map(instant))
        var resource: JSONValue = [
            "resourceType": "Encounter", "id": .string(visit.id.description), "status": .string(encounterStatus(visit.status)),
            "class": coding(System.actCode, "AMB", "ambulatory"), "subject": reference("Patient", visit.patientID.description),
            "period": period,
        ]
        resource = resource.with("participant", visit.providerID.map { [["individual": reference("Practitioner", $0.description)]] })
            .with("appointment", visit.appointmentID.map { [reference("Appointment", $0.description)] })
        return resource
    }

    // MARK: MedicationRequest

    /// How a signed prescription stands: replaced by a correction, cancelled, past its last day, or in force.
    public enum PrescriptionStanding: Sendable {
        case inForce, corrected, cancelled
    }

    /// medicationrequest-status for one item.
    public static func medicationStatus(_ standing: PrescriptionStanding, validUntil: CalendarDate?, today: CalendarDate) -> String {
        switch standing {
        case .cancelled: return "cancelled"
        case .corrected: return "stopped"
        case .inForce: return validUntil.map { $0 < today } == true ? "completed" : "active"
        }
    }

    /// One MedicationRequest per item of a signed prescription.
    public static func medicationRequests(_ prescription: Prescription, standing: PrescriptionStanding, requester: EntityID<Provider>?,
                                          clinic: UUID, today: CalendarDate) -> [JSONValue] {
        prescription.items.map { item in
            let line = item.line
            var dispense: JSONValue = ["numberOfRepeatsAllowed": .int(line.refills)]
            dispense = dispense.with("expectedSupplyDuration", line.durationDays.map {
                ["value": .int($0), "unit": "days", "system": "http://unitsofmeasure.org", "code": "d"]
            }).with("validityPeriod", line.validUntil.map { ["end": .string($0.description)] })
            if !line.quantity.isEmpty {
                dispense = dispense.with("extension", [["url": "urn:clinicdesk:fhir:quantity-text", "valueString": .string(line.quantity)]])
            }
            var resource: JSONValue = [
                "resourceType": "MedicationRequest", "id": .string(item.id.description),
                "status": .string(medicationStatus(standing, validUntil: line.validUntil, today: today)), "intent": "order",
                "medicationCodeableConcept": ["text": .string(line.title)],
                "subject": reference("Patient", prescription.patientID.description), "authoredOn": instant(prescription.signedAt),
                "groupIdentifier": ["system": .string(System.clinic(clinic)), "value": .string(prescription.verificationCode)],
                "dosageInstruction": [["text": .string(line.sig)]], "dispenseRequest": dispense,
            ]
            resource = resource.with("encounter", prescription.visitID.map { reference("Encounter", $0.description) })
                .with("requester", requester.map { reference("Practitioner", $0.description) })
                .with("note", prescription.instructions.isEmpty ? nil : [["text": .string(prescription.instructions)]])
            return resource
        }
    }
}
