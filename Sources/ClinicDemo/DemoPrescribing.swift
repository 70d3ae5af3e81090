import ClinicCore
import ClinicStore
import Foundation

/// Prescriptions to try the slip and the checks with: a patient of each script the demo's names
/// are written in (Latin with diacritics, Arabic, Devanagari, CJK, Vietnamese) gets a signed
/// prescription of several medicines, with their allergies and current medicines set so that
/// prescribing one more raises each kind of alert. `clinicdesk demo` prints who is who.
struct DemoPrescribing {
    let store: ClinicStore
    let doctor: Author
    /// Allergies are on file from before the demo week, so nobody's recent patients list them.
    let recorder = Author.system("demo")

    /// One patient's case: what is on record, and what to try.
    struct Case {
        let script: String
        let patient: Patient
        let tryThis: String
    }

    /// Sets up one case per script among `patients` (the first of each script found).
    func build(_ patients: [EntityID<Patient>]) throws -> [Case] {
        var chosen: [DemoScript: Patient] = [:]
        for id in patients where chosen.count < DemoScript.allCases.count {
            guard let patient = try store.patient(id), let script = DemoScript.of(patient.details), chosen[script] == nil,
                  Self.fits(script, patient.allergyStatus)
            else { continue }
            chosen[script] = patient
        }
        return try DemoScript.allCases.compactMap { script in
            guard let patient = chosen[script] else { return nil }
            return Case(script: script.words, patient: patient, tryThis: try prepare(script, patient))
        }
    }

    /// Whether a patient of this allergy state can carry the script's case: the interaction,
    /// duplicate and abbreviation cases need no allergy of their own, the last one none asked.
    static func fits(_ script: DemoScript, _ status: AllergyStatus) -> Bool {
        switch script {
        case .latin: true
        case .arabic, .devanagari, .cjk: status != .recorded
        case .vietnamese: status == .notAsked
        }
    }

    /// Records the case's allergies and signs its prescription; returns what to try.
    private func prepare(_ script: DemoScript, _ patient: Patient) throws -> String {
        let id = patient.id
        switch script {
        case .latin:
            try allergic(id, to: "penicillins", .drugClass, reaction: "hives")
            try sign(id, [Self.paracetamol, Self.ibuprofen])
            return "allergic to penicillins: amoxicillin is an allergy alert, cefalexin a cross-reactivity warning"
        case .arabic:
            try noKnownAllergies(id)
            try sign(id, [Self.warfarin, Self.paracetamol])
            return "takes warfarin: ibuprofen or co-trimoxazole is an interaction alert"
        case .devanagari:
            try noKnownAllergies(id)
            try sign(id, [Self.ibuprofen, Self.amlodipine])
            try fromElsewhere(id, "simvastatin", "40 mg", "tablet", directions: "1 at night", note: "cardiologist")
            return "takes ibuprofen: naproxen is a duplicate therapy alert; simvastatin from the cardiologist (on the card): clarithromycin is an interaction alert"
        case .cjk:
            try noKnownAllergies(id)
            try sign(id, [Self.amoxicillin, Self.paracetamol, Self.metformin])
            return "no known allergies: directions with “QD” are refused (do not use), tablets for an oral suspension a dose-form alert"
        case .vietnamese:
            try sign(id, [Self.amlodipine, Self.metformin])
            return "allergies not yet asked: a new prescription waits until they are recorded (an older one is on file to print)"
        }
    }

    private func allergic(_ id: EntityID<Patient>, to substance: String, _ kind: AllergenKind, reaction: String) throws {
        let current = try store.allergies(of: id).current
        guard !current.contains(where: { $0.substance.lowercased() == substance }) else { return }
        _ = try store.recordAllergy(patient: id, substance: substance, kind: kind, reaction: reaction, severity: .moderate, by: recorder)
    }

    /// A medicine prescribed elsewhere, recorded on the card.
    private func fromElsewhere(
        _ id: EntityID<Patient>, _ drug: String, _ strength: String, _ form: String, directions: String, note: String
    ) throws {
        guard try !store.otherMedicines(of: id).current.contains(where: { $0.drug == drug }) else { return }
        _ = try store.recordOtherMedicine(patient: id, drug: drug, strength: strength, form: form, directions: directions,
                                          note: note, by: recorder)
    }

    private func noKnownAllergies(_ id: EntityID<Patient>) throws {
        guard try store.patient(id)?.allergyStatus == .notAsked else { return }
        try store.recordNoKnownAllergies(patient: id, by: recorder)
    }

    /// Signed without the interactive checks, as a prescription from before the desk had them.
    private func sign(_ id: EntityID<Patient>, _ lines: [PrescriptionLine]) throws {
        _ = try store.issuePrescription(patient: id, lines: lines, by: doctor)
    }

    static let paracetamol = PrescriptionLine(
        drug: "paracetamol", strength: "500 mg", form: "tablet", dose: "1 to 2", frequency: "every 6 hours", quantity: "40 tablets",
        sig: "Take 1 to 2 tablets by mouth every 6 hours when needed for pain; no more than 8 in 24 hours")
    static let ibuprofen = PrescriptionLine(
        drug: "ibuprofen", strength: "400 mg", form: "tablet", dose: "1", frequency: "three times a day", durationDays: 10,
        quantity: "30 tablets", sig: "Take 1 tablet by mouth three times a day after meals for 10 days")
    static let warfarin = PrescriptionLine(
        drug: "warfarin", strength: "3 mg", form: "tablet", dose: "1", frequency: "once a day", durationDays: 30, quantity: "30 tablets",
        refills: 2, sig: "Take 1 tablet by mouth once a day in the evening for 30 days")
    static let amoxicillin = PrescriptionLine(
        drug: "amoxicillin", strength: "500 mg", form: "capsule", dose: "1", frequency: "three times a day", durationDays: 7,
        quantity: "21 capsules", sig: "Take 1 capsule by mouth three times a day for 7 days")
    static let amlodipine = PrescriptionLine(
        drug: "amlodipine", strength: "5 mg", form: "tablet", dose: "1", frequency: "once a day", durationDays: 30, quantity: "30 tablets",
        refills: 5, sig: "Take 1 tablet by mouth once a day in the morning for 30 days")
    static let metformin = PrescriptionLine(
        drug: "metformin", strength: "500 mg", form: "tablet", dose: "1", frequency: "twice a day", durationDays: 30, quantity: "60 tablets",
        refills: 5, sig: "Take 1 tablet by mouth twice a day with meals for 30 days")
}

/// The scripts the demo's names are written in, told from the family name's letters.
enum DemoScript: CaseIterable {
    case latin, arabic, devanagari, cjk, vietnamese

    var words: String {
        switch self {
        case .latin: "Latin with diacritics"
        case .arabic: "Arabic"
        case .devanagari: "Devanagari"
        case .cjk: "CJK"
        case .vietnamese: "Vietnamese"
        }
    }

    /// Vietnamese letters Latin names elsewhere do not use.
    private static let vietnameseLetters = Set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")

    static func of(_ details: PatientDetails) -> DemoScript? {
        let name = (details.familyName + " " + details.givenName).lowercased()
        let scalars = name.unicodeScalars.map(\.value)
        if scalars.contains(where: { (0x0600...0x06FF).contains($0) }) { return .arabic }
        if scalars.contains(where: { (0x0900...0x097F).contains($0) }) { return .devanagari }
        if scalars.contains(where: { (0x4E00...0x9FFF).contains($0) || (0x3040...0x30FF).contains($0) || (0xAC00...0xD7AF).contains($0) }) {
            return .cjk
        }
        if name.contains(where: { vietnameseLetters.contains($0) }) { return .vietnamese }
        if scalars.contains(where: { (0x00C0...0x024F).contains($0) }) { return .latin }
        return nil
    }
}
