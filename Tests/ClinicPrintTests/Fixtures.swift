import ClinicPrint

/// Slips the tests render.
enum Fixtures {
    static func item(_ number: Int) -> SlipItem {
        SlipItem(
            drugTitle: "amoxicillin \(number * 100) mg capsule",
            directions: "Take 1 capsule by mouth three times a day for \(number) days",
            quantity: "\(number * 3) capsules",
            refills: number % 3, validUntil: "2 Jul 2025")
    }

    /// Names in four scripts, three items.
    static let manyScripts = SlipContent(
        clinicName: "Clínica Santa Bárbara", clinicAddressLines: ["Rua das Flores 12, Lisboa"],
        prescriberName: "Dr. अनिता शर्मा", patientName: "محمد عبد الله", patientDateOfBirth: "1 Jan 1970",
        patientMRN: "MRN-117734", dateSigned: "3 Jun 2025",
        items: [
            item(1),
            SlipItem(
                drugTitle: "salbutamol inhaler", directions: "Hand to carer 王小明 or to Nguyễn Thị Hương",
                quantity: "1 inhaler", refills: 3, validUntil: "3 Dec 2025"),
            item(3),
        ],
        instructions: "Collected by José Núñez.", verificationCode: "RX-7KQ2-M9PD",
        supersedesNote: "Supersedes RX-3JH8-Q2WC", footer: "Keep out of the reach of children.")

    /// `count` items, everything else as `manyScripts`.
    static func withItems(_ count: Int) -> SlipContent {
        var slip = manyScripts
        slip.items = (1...count).map(item)
        return slip
    }
}
