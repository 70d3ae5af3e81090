import ClinicCore
import ClinicData
import Testing

/// A broken reference file is refused with the file and line to fix.
@Suite("Reference data errors")
struct ReferenceDataErrorTests {
    /// Loads the shipped files with `line` appended to `file`; the error, and the line number it should name.
    func load(appending line: String, to file: String) -> (error: ReferenceDataError?, line: Int) {
        var files = ShippedPrescribingData.files
        let text = files[file]!
        let number =
            text.split(separator: "\n", omittingEmptySubsequences: false).count + (text.hasSuffix("\n") ? 0 : 1)
        files[file] = text + (text.hasSuffix("\n") ? "" : "\n") + line + "\n"
        do {
            _ = try PrescribingReference(files: files)
            return (nil, number)
        } catch {
            return (error, number)
        }
    }

    @Test(arguments: [
        (
            "data/formulary/drugs.txt", "zorbamycin | J01XX99 | penicilins | capsule: 250 mg | |",
            "unknown class “penicilins” (did you mean penicillins?)."
        ),
        (
            "data/formulary/drugs.txt", "zorbamycin | J01XX99 | penicillins | capsule: 250 mg | Tylenol |",
            "“Tylenol” already names paracetamol (line"
        ),
        (
            "data/formulary/drugs.txt", "zorbamycin | J01X | penicillins | capsule: 250 mg | |",
            "“J01X” is not an ATC code"
        ),
        (
            "data/formulary/drugs.txt", "zorbamycin | J01XX99 | penicillins | capsule: 250.0 mg | |",
            "strength “250.0 mg”: “250.0” has a trailing zero."
        ),
        (
            "data/formulary/drugs.txt", "zorbamycin | J01XX99 | penicillins | capsules: 250 mg | |",
            "unknown form “capsules” (did you mean capsule?)"
        ),
        (
            "data/formulary/drugs.txt", "zorbamycin | J01XX99 | penicillins | capsule: 250 mg | | ingredient | extra",
            "7 fields where 6 are expected"
        ),
        (
            "data/formulary/combinations.txt", "co-zorb | J01CR99 | amoxicillin + zorbactam | tablet: 1/1 mg | |",
            "unknown ingredient “zorbactam”"
        ),
        (
            "data/formulary/interactions.txt", "pair | warfarin | class:nsaid | major | bleeding | Avoid.",
            "unknown class “nsaid” (did you mean nsaids?)."
        ),
        (
            "data/formulary/interactions.txt", "pair | warfarin | co-trimoxazole | major | bleeding | Avoid.",
            "“co-trimoxazole” is a combination; name its ingredient (sulfamethoxazole, trimethoprim)."
        ),
        (
            "data/formulary/interactions.txt", "pair | warfarin | aspirin | severe | bleeding | Avoid.",
            "severity “severe” should be contraindicated, major or moderate."
        ),
        (
            "data/formulary/interactions.txt", "pair | warfarin | aspirin | major | bleed | Avoid.",
            "unknown effect “bleed”"
        ),
        ("data/formulary/allergy-rules.txt", "cross | aspirin | class:nsaids |", "the advice is missing."),
        ("data/formulary/duplicates.txt", "class:statins | moderate | again", "class:statins is listed twice."),
        (
            "data/sig/frequencies.txt", "bid | twice again | 2",
            "“bid” already means something else (data/sig/frequencies.txt line"
        ),
        ("data/sig/units.txt", "tab | tablet | tablets | boxed |", "kind “boxed” should be counted, pack or amount."),
    ])
    func aBadLineNamesItsFileAndLine(_ file: String, _ line: String, _ message: String) throws {
        let (error, number) = load(appending: line, to: file)
        let found = try #require(error, "the broken line was accepted")
        #expect(found.file == file)
        #expect(found.line == number)
        #expect(found.description.hasPrefix("\(file) line \(number): "))
        #expect(found.message.contains(message), "\(found.message)")
    }

    @Test func aMissingFileIsNamed() {
        var files = ShippedPrescribingData.files
        files["data/formulary/drugs.txt"] = nil
        #expect(
            throws: ReferenceDataError(file: "data/formulary/drugs.txt", line: nil, message: "the file is missing.")
        ) {
            try PrescribingReference(files: files)
        }
    }
}
