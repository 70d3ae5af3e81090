import CPangoCairo
import Foundation
import Testing

@testable import ClinicPrint

@Suite struct SlipPDFTests {
    @Test func theSlipIsComposedOfTheGenericBlocks() {
        let document = SlipPDF.document(for: Fixtures.manyScripts)
        #expect(document.runningHeader == "Prescription RX-7KQ2-M9PD")
        #expect(document.blocks.contains(.notice("Supersedes RX-3JH8-Q2WC")))
        let tables = document.blocks.compactMap { block -> DocumentTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.map(\.rows.count) == [3])
        #expect(
            tables.first?.rows[1][1]
                == TableCell("salbutamol inhaler", detail: "Hand to carer 王小明 or to Nguyễn Thị Hương"))
        var withoutNotes = Fixtures.manyScripts
        withoutNotes.supersedesNote = nil
        withoutNotes.instructions = nil
        #expect(SlipPDF.document(for: withoutNotes).blocks.count == document.blocks.count - 3)
    }

    @Test(arguments: PaperSize.all)
    func rendersACompletePDFOnEachPaperSize(paper: PaperSize) throws {
        let pdf = try SlipPDF.render(Fixtures.manyScripts, paper: paper)
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
        #expect(PDFInspection.pageCount(pdf) == 1)
        #expect(
            PDFInspection.mediaBox(pdf)
                == "0 0 \(PDFInspection.format(paper.width)) \(PDFInspection.format(paper.height))")
    }

    @Test func manyItemsRunOntoMorePages() throws {
        let counts = try [3, 25, 60].map {
            PDFInspection.pageCount(try SlipPDF.render(Fixtures.withItems($0), paper: .a4))
        }
        #expect(counts == [1, 3, 6])  // with the Noto fonts installed
    }

    @Test func aBlockTallerThanAPageIsAReadableError() {
        let document = PrintDocument(
            title: "t", blocks: [.notice(String(repeating: "very long notice ", count: 2000))], runningHeader: "t",
            footer: "f")
        #expect {
            try DocumentPDF.render(document, paper: .a4)
        } throws: { error in
            "\(error)".hasPrefix("The notice needs ") && "\(error)".contains("pt but a page has room for")
        }
    }

    @Test func aCairoStatusBecomesAReadableError() throws {
        let error = try #require(PDFCanvas.error(CAIRO_STATUS_WRITE_ERROR, during: "writing the PDF"))
        #expect("\(error)" == "Could not render the PDF (writing the PDF): error while writing to output stream.")
        #expect(PDFCanvas.error(CAIRO_STATUS_SUCCESS, during: "drawing") == nil)
    }
}

/// Just enough PDF reading for the tests: cairo writes page objects and the media box uncompressed.
enum PDFInspection {
    static func text(_ pdf: Data) -> String { String(decoding: pdf, as: UTF8.self) }

    /// Page objects: "/Type /Page" but not "/Type /Pages".
    static func pageCount(_ pdf: Data) -> Int {
        text(pdf).matches(of: /\/Type\s*\/Page(?!s)/).count
    }

    /// The first page's media box, e.g. "0 0 595.28 841.89".
    static func mediaBox(_ pdf: Data) -> String? {
        text(pdf).firstMatch(of: /\/MediaBox \[ ([0-9. ]+) \]/).map { String($0.1) }
    }

    /// A number as cairo prints it: no trailing zeros.
    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
