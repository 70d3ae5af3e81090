public import Foundation

/// Renders any `PrintDocument` (a prescription slip, a receipt) as a PDF.
public enum DocumentPDF {
    /// The PDF of `document` on pages of `paper`'s size.
    ///
    /// Safe to call from any thread: each call has its own cairo surface and context, and
    /// pangocairo's default font map (which caches fonts) is per thread.
    public static func render(_ document: PrintDocument, paper: PaperSize) throws(PrintError) -> Data {
        try PDFCanvas.render(width: paper.width, height: paper.height, title: document.title) {
            canvas throws(PrintError) in
            let pages = try DocumentLayout(document: document, paper: paper).pages(measuringWith: canvas)
            for marks in pages {
                for mark in marks {
                    mark.draw(on: canvas)
                }
                canvas.showPage()
            }
        }
    }
}
