import Foundation
import Testing

@testable import ClinicPrint

/// Reads rendered slips back with poppler-utils and zbar-tools, as a pharmacist's software would:
/// the text must come out as it went in, the QR code must decode to the verification code.
@Suite(.enabled(if: ExternalTool.available("pdftotext", "pdftoppm", "zbarimg")))
struct ExternalToolTests {
    @Test func namesInEveryScriptComeOutOfTheTextLayerExactly() throws {
        let text = try ExternalTool.pdfText(SlipPDF.render(Fixtures.manyScripts, paper: .a4))
        for name in ["محمد عبد الله", "अनिता शर्मा", "王小明", "Nguyễn Thị Hương", "José Núñez", "RX-7KQ2-M9PD"] {
            #expect(text.contains(name), "\(name) in\n\(text)")
        }
    }

    /// Right-to-left text comes out in logical order, wrapped in RIGHT-TO-LEFT EMBEDDING … POP
    /// DIRECTIONAL FORMATTING: `pdfText` removes those before comparing.
    @Test func rightToLeftTextIsExtractedInLogicalOrderWithinEmbeddingControls() throws {
        let text = try ExternalTool.pdfText(SlipPDF.render(Fixtures.manyScripts, paper: .a4), keepBidiControls: true)
        #expect(text.contains("\u{202B}محمد عبد الله\u{202C}"))
    }

    @Test func continuationPagesSayWhichPrescriptionAndPageTheyAre() throws {
        let text = try ExternalTool.pdfText(SlipPDF.render(Fixtures.withItems(25), paper: .a4))
        #expect(!text.contains("Prescription RX-7KQ2-M9PD — page 1"))
        #expect(
            text.contains("Prescription RX-7KQ2-M9PD — page 2") && text.contains("Prescription RX-7KQ2-M9PD — page 3"))
        #expect(text.contains("Page 1 of 3") && text.contains("Page 3 of 3"))
        // The column titles are repeated on every page.
        #expect(text.components(separatedBy: "Medicine and directions").count - 1 == 3)
    }

    @Test(arguments: PaperSize.all)
    func theQRCodeDecodesToTheVerificationCode(paper: PaperSize) throws {
        #expect(try ExternalTool.qrCodes(SlipPDF.render(Fixtures.manyScripts, paper: paper)) == "RX-7KQ2-M9PD\n")
    }
}

/// Runs the command-line tools the tests read PDFs back with, on files in a scratch folder.
enum ExternalTool {
    static func available(_ names: String...) -> Bool {
        names.allSatisfy { FileManager.default.isExecutableFile(atPath: "/usr/bin/\($0)") }
    }

    /// `pdftotext -layout` of `pdf`; unless told to keep them, without the bidi embedding
    /// controls (U+202A–U+202E, U+2066–U+2069) that it wraps right-to-left runs in.
    static func pdfText(_ pdf: Data, keepBidiControls: Bool = false) throws -> String {
        let text = try withScratchPDF(pdf) { folder, file in
            String(decoding: try run("pdftotext", ["-layout", file, "-"]), as: UTF8.self)
        }
        guard !keepBidiControls else { return text }
        let controls = Set((0x202A...0x202E).map { $0 } + (0x2066...0x2069).map { $0 })
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !controls.contains(Int($0.value)) }))
    }

    /// What zbarimg reads from the first page rendered at 150 dpi: one line per QR code.
    static func qrCodes(_ pdf: Data) throws -> String {
        try withScratchPDF(pdf) { folder, file in
            _ = try run("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", file, "\(folder)/page"])
            // Only QR codes: the table's rules otherwise send zbar's DataBar decoder looking.
            let output = try run(
                "zbarimg", ["--nodbus", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", "\(folder)/page.png"])
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func withScratchPDF<T>(_ pdf: Data, _ body: (String, String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("slip.pdf")
        try pdf.write(to: file)
        return try body(folder.path, file.path)
    }

    /// The tool's standard output; its standard error is dropped.
    private static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
