/// What a receipt prints: the payment (or refund), the invoice it was taken on, and who paid.
public struct PaymentReceipt: Hashable, Sendable {
    public var clinicName: String
    public var patientName: String
    public var mrn: MRN?
    public var summary: InvoiceSummary
    public var payment: Payment

    public init(clinicName: String, patientName: String, mrn: MRN?, summary: InvoiceSummary, payment: Payment) {
        self.clinicName = clinicName
        self.patientName = patientName
        self.mrn = mrn
        self.summary = summary
        self.payment = payment
    }

    /// The invoice as it stood when this entry was made: later payments are not on its receipt.
    public var summaryAtPayment: InvoiceSummary {
        var summary = summary
        summary.payments = summary.payments.filter { ($0.takenAt, $0.receipt) <= (payment.takenAt, payment.receipt) }
        summary.lines = summary.lines.filter { $0.addedAt <= payment.takenAt }
        return summary
    }
}
