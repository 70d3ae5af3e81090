import ClinicCore
import ClinicStore
import Foundation
import Testing

/// Prescribing in the real binary: the demo doctor prescribes amoxicillin to a patient allergic
/// to penicillins, sees the alert, signs over it with a reason, and prints the slip, which reads
/// back with the patient's name and the reason is in the store.
@Suite("Prescribing end to end in tmux", .serialized)
struct PrescribingEndToEndTests {
    @Test func theDoctorSignsOverAnAllergyAlertWithAReasonAndPrints() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "200", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let patient = try store.registerPatient(PatientDetails(familyName: "Quillfeather", givenName: "Ada"), by: .system("test"))
        let nurse = Author(user: try #require(try store.users().first { $0.username == "nurse" }))
        _ = try store.recordAllergy(patient: patient.id, substance: "penicillins", kind: .drugClass, reaction: "hives",
                                    severity: .severe, by: nurse)
        let binary = CommandRunner.executable.path
        let home = runner.home.path
        let command = "env HOME=\(home) XDG_DATA_HOME=\(home)/data XDG_STATE_HOME=\(home)/state XDG_CONFIG_HOME=\(home)/config "
            + "TERM=tmux-256color LANG=C.UTF-8 \(binary) --db \(db)"

        let doctor = try TmuxSession(width: 120, height: 32, command: command)
        try doctor.signIn("doctor")
        try doctor.press("F3")
        try doctor.type("quillfeather")
        try doctor.waitFor("Quillfeather, Ada")
        try doctor.press("Enter")
        try doctor.waitFor("ALLERGIES: penicillins")
        try doctor.press("p")
        try doctor.waitFor("Medicine 1 for Quillfeather, Ada")
        try doctor.type("amoxicillin")
        try doctor.press("Tab", "Tab", "Tab")
        try doctor.type("1 cap po tid x7d")
        try doctor.waitFor("(21 capsules)")
        try doctor.press("C-s")
        try doctor.waitFor("Check and sign")
        try doctor.press("Enter")
        let alert = try doctor.waitFor("1 alert for Quillfeather, Ada")
        #expect(alert.contains("INTERRUPTIVE allergy"), "\(alert)")
        try doctor.type("Tolerated it in 2024")
        try doctor.press("C-s")
        let signed = try doctor.waitFor("for Quillfeather, Ada: amoxicillin")
        let prescription = try #require(try store.prescriptions(of: patient.id).first)
        #expect(signed.contains("Signed \(prescription.verificationCode)"))
        #expect(prescription.overrides.map(\.reason) == ["Tolerated it in 2024"])

        try doctor.press("F4")
        try doctor.waitFor("Prescriptions — Quillfeather, Ada")
        try doctor.press("p")
        try doctor.waitFor("Wrote the slip of \(prescription.verificationCode)")
        let slip = "\(home)/data/clinicdesk/slips/\(prescription.verificationCode).pdf"
        #expect(FileManager.default.fileExists(atPath: slip), "the slip at \(slip)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let text = try runner.tool("pdftotext", ["-layout", slip, "-"])
            #expect(text.contains("Quillfeather, Ada") && text.contains("amoxicillin"), "\(text)")
        }
        // Quit as a person does: the app restores the terminal and ends, and its tmux session with it.
        try doctor.press("C-q")
        try doctor.waitFor("Quit ClinicDesk?")
        try doctor.press("y")
    }
}
