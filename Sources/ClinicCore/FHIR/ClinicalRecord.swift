/// One record of a clinical export, as the store hands it over, in the order a reader of the
/// export needs them (practitioners, then each patient with the allergies in force, then
/// appointments, visits and prescriptions).
public enum ClinicalRecord: Sendable {
    case provider(Provider)
    case patient(Patient, allergies: [Allergy])
    case appointment(Appointment)
    case visit(Visit)
    case prescription(Prescription, standing: FHIRResources.PrescriptionStanding, requester: EntityID<Provider>?)
}
