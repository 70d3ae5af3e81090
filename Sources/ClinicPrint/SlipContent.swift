/// Everything printed on a prescription slip, as plain text the caller has already formatted
/// (dates, quantities), so this module knows nothing of the domain model.
public struct SlipContent: Sendable, Hashable {
    /// The clinic's name, printed as the slip's title.
    public var clinicName: String
    /// The clinic's address and contact lines, printed under its name.
    public var clinicAddressLines: [String]
    /// The prescriber's name (and credentials), as they sign.
    public var prescriberName: String
    /// The patient's full name, in its own script.
    public var patientName: String
    /// The patient's date of birth, formatted.
    public var patientDateOfBirth: String
    /// The patient's medical record number.
    public var patientMRN: String
    /// When the prescription was signed, formatted.
    public var dateSigned: String
    /// The medicines prescribed, in order.
    public var items: [SlipItem]
    /// Instructions for the patient or pharmacist beyond the items' directions.
    public var instructions: String?
    /// The code a pharmacist checks the slip by, e.g. "RX-7KQ2-M9PD"; also encoded in the QR code.
    public var verificationCode: String
    /// Says which earlier prescription this one replaces, e.g. "Supersedes RX-3JH8-Q2WC (dose changed)".
    public var supersedesNote: String?
    /// The small print at the bottom of every page.
    public var footer: String

    public init(
        clinicName: String, clinicAddressLines: [String], prescriberName: String, patientName: String,
        patientDateOfBirth: String, patientMRN: String, dateSigned: String, items: [SlipItem],
        instructions: String? = nil, verificationCode: String, supersedesNote: String? = nil, footer: String
    ) {
        self.clinicName = clinicName
        self.clinicAddressLines = clinicAddressLines
        self.prescriberName = prescriberName
        self.patientName = patientName
        self.patientDateOfBirth = patientDateOfBirth
        self.patientMRN = patientMRN
        self.dateSigned = dateSigned
        self.items = items
        self.instructions = instructions
        self.verificationCode = verificationCode
        self.supersedesNote = supersedesNote
        self.footer = footer
    }
}

/// One medicine on a slip.
public struct SlipItem: Sendable, Hashable {
    /// What to dispense, e.g. "amoxicillin 500 mg capsule".
    public var drugTitle: String
    /// How to take it, in words, e.g. "Take 1 capsule by mouth three times a day for 7 days".
    public var directions: String
    /// How much to dispense, formatted, e.g. "21 capsules".
    public var quantity: String
    /// How many times it may be refilled.
    public var refills: Int
    /// The last day it may be dispensed, formatted.
    public var validUntil: String

    public init(drugTitle: String, directions: String, quantity: String, refills: Int, validUntil: String) {
        self.drugTitle = drugTitle
        self.directions = directions
        self.quantity = quantity
        self.refills = refills
        self.validUntil = validUntil
    }
}
