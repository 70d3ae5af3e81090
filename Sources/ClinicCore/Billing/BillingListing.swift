/// One row of the day's billing list: a visit to invoice, or an invoice and where it stands.
public struct BillingListing: Hashable, Sendable, Identifiable {
    public var patientID: EntityID<Patient>
    public var patientName: String
    public var mrn: MRN?
    public var visit: Visit?
    public var providerName: String?
    /// Nil for a visit not invoiced yet.
    public var summary: InvoiceSummary?

    public init(patientID: EntityID<Patient>, patientName: String, mrn: MRN?, visit: Visit?, providerName: String?,
                summary: InvoiceSummary?) {
        self.patientID = patientID
        self.patientName = patientName
        self.mrn = mrn
        self.visit = visit
        self.providerName = providerName
        self.summary = summary
    }

    public var id: String { summary?.invoice.id.description ?? visit?.id.description ?? patientID.description }
}

