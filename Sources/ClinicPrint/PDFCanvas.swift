// ClinicPrint draws with cairo and lays text out with Pango (through pangocairo) because a
// clinic's printouts carry names in every script: Arabic has to be joined and ordered right to
// left, Devanagari needs its conjuncts and reordered vowel signs, Vietnamese its stacked
// diacritics, CJK its own fonts. Pango does that shaping with HarfBuzz, runs the bidi algorithm
// with FriBidi, and picks a font for each character through fontconfig; cairo's PDF surface
// then embeds subsetted fonts with ToUnicode maps, so the text can be searched and copied.
// No maintained pure-Swift PDF library shapes Arabic or Devanagari. This file is the one place
// that touches cairo and Pango; every C object it makes is freed before its function returns,
// or when the canvas is finished or dropped.

import CPangoCairo
import Foundation

/// A rectangle on the page, in points from the top-left corner.
struct PageRect: Sendable, Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
}

/// Where a laid-out text's lines fall, in points from the text's top.
struct TextMetrics: Sendable, Hashable {
    /// One line of laid-out text.
    struct Line: Sendable, Hashable {
        /// The line's top, from the text's top.
        var top: Double
        /// The line's height (ascent, descent and line gap).
        var height: Double
        /// The baseline, from the text's top.
        var baseline: Double
    }

    /// The lines, top to bottom.
    var lines: [Line]
    /// The width of the widest line: for text not wrapped, its natural width.
    var width: Double
    /// The height of all the lines.
    var height: Double
    /// The first line's baseline, from the text's top; used to line up texts of different sizes.
    var firstBaseline: Double { lines.first?.baseline ?? 0 }
}

/// Collects the bytes cairo's PDF surface writes.
private final class ByteSink {
    var bytes = Data()
}

/// A PDF being drawn, page by page, into memory. It cannot be copied, so the cairo context and
/// surface it owns have one owner; `render` lends it out and finishes it.
struct PDFCanvas: ~Copyable {
    private let context: OpaquePointer
    private let surface: OpaquePointer
    /// The Pango context every layout is made in, set to 72 dpi so a font's size is in points.
    private let pango: OpaquePointer
    /// Retained here (not by cairo) and released when the surface is gone.
    private let sink: Unmanaged<ByteSink>

    /// Draws a PDF whose pages are `width` × `height` points and returns its bytes. `draw` draws
    /// every page, calling `showPage()` at the end of each.
    static func render(
        width: Double, height: Double, title: String, _ draw: (borrowing PDFCanvas) throws(PrintError) -> Void
    ) throws(PrintError) -> Data {
        let canvas = try PDFCanvas(width: width, height: height, title: title)
        try draw(canvas)
        return try canvas.finish()
    }

    private init(width: Double, height: Double, title: String) throws(PrintError) {
        let sink = Unmanaged.passRetained(ByteSink())
        // A C function pointer cannot capture anything: the sink arrives as the closure pointer.
        let surface: OpaquePointer = cairo_pdf_surface_create_for_stream(
            { closure, data, length in
                guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
                if let data, length > 0 {
                    Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(data, count: Int(length))
                }
                return CAIRO_STATUS_SUCCESS
            }, sink.toOpaque(), width, height)
        if let error = Self.error(cairo_surface_status(surface), during: "creating the PDF surface") {
            cairo_surface_destroy(surface)
            sink.release()
            throw error
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ClinicDesk")
        let context: OpaquePointer = cairo_create(surface)
        if let error = Self.error(cairo_status(context), during: "creating the drawing context") {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
            sink.release()
            throw error
        }
        // pangocairo assumes 96 dpi unless told: "Noto Sans 11" would come out 14.7 pt tall.
        let pango: OpaquePointer = pango_cairo_create_context(context)
        pango_cairo_context_set_resolution(pango, 72)
        self.context = context
        self.surface = surface
        self.pango = pango
        self.sink = sink
    }

    /// Frees everything when the canvas is dropped without being finished (drawing threw).
    deinit {
        g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_destroy(context)
        cairo_surface_destroy(surface)
        sink.release()
    }

    /// Ends the document, frees the cairo objects and returns the PDF's bytes, or cairo's error.
    private consuming func finish() throws(PrintError) -> Data {
        g_object_unref(UnsafeMutableRawPointer(pango))
        let drawingStatus = cairo_status(context)
        cairo_destroy(context)
        // Finishing writes the trailer through the sink, which is still retained.
        cairo_surface_finish(surface)
        let surfaceStatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        let bytes = sink.takeRetainedValue().bytes
        discard self
        if let error = Self.error(drawingStatus, during: "drawing") { throw error }
        if let error = Self.error(surfaceStatus, during: "writing the PDF") { throw error }
        return bytes
    }

    /// Cairo's `status` as an error (nil for success), in cairo's own words.
    static func error(_ status: cairo_status_t, during step: String) -> PrintError? {
        guard status != CAIRO_STATUS_SUCCESS else { return nil }
        return .cairo(step: step, message: String(cString: cairo_status_to_string(status)))
    }

    // MARK: Text

    /// Lays `text` out in `style`, wrapped to `width` points (or not wrapped when nil), without drawing.
    func measure(_ text: String, style: TextStyle, width: Double?, alignment: TextAlignment = .natural) -> TextMetrics {
        let layout = makeLayout(text, style: style, width: width, alignment: alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var lines: [TextMetrics.Line] = []
        let iterator: OpaquePointer = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            lines.append(
                TextMetrics.Line(
                    top: Self.points(logical.y), height: Self.points(logical.height),
                    baseline: Self.points(pango_layout_iter_get_baseline(iterator))))
        } while pango_layout_iter_next_line(iterator) != 0
        var extent = PangoRectangle()
        pango_layout_get_extents(layout, nil, &extent)
        return TextMetrics(lines: lines, width: Self.points(extent.width), height: Self.points(extent.height))
    }

    /// Draws `text` in `style` with its top-left at (`x`, `y`), wrapped to `width` points, and
    /// returns the height drawn. With `lines`, draws only those lines (as `measure` counts them),
    /// the first of them at `y`.
    @discardableResult
    func drawText(
        _ text: String, style: TextStyle, x: Double, y: Double, width: Double,
        alignment: TextAlignment = .natural, lines: Range<Int>? = nil
    ) -> Double {
        let layout = makeLayout(text, style: style, width: width, alignment: alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let iterator: OpaquePointer = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iterator) }
        cairo_set_source_rgb(context, style.gray, style.gray, style.gray)
        var index = 0
        var firstTop: Double?
        var bottom = 0.0
        repeat {
            if lines?.contains(index) ?? true {
                var logical = PangoRectangle()
                pango_layout_iter_get_line_extents(iterator, nil, &logical)
                let top = firstTop ?? Self.points(logical.y)
                firstTop = top
                // A line is drawn from its left end on its baseline; `logical.x` holds the alignment.
                let baseline = Self.points(pango_layout_iter_get_baseline(iterator)) - top
                cairo_move_to(context, x + Self.points(logical.x), y + baseline)
                pango_cairo_show_layout_line(context, pango_layout_iter_get_line_readonly(iterator))
                bottom = Self.points(logical.y + logical.height) - top
            }
            index += 1
        } while pango_layout_iter_next_line(iterator) != 0
        return bottom
    }

    /// A new layout (the caller unrefs it) for `text` in `style` on this canvas.
    private func makeLayout(_ text: String, style: TextStyle, width: Double?, alignment: TextAlignment) -> OpaquePointer
    {
        let layout: OpaquePointer = pango_layout_new(pango)
        let font = pango_font_description_from_string(style.fontDescription)
        pango_layout_set_font_description(layout, font)  // the layout keeps a copy
        pango_font_description_free(font)
        if let width {
            pango_layout_set_width(layout, pango_units_from_double(width))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        // With auto-dir (Pango's default) a right-to-left paragraph mirrors the alignment. Without
        // it Pango keeps the context's weak-LTR base direction: FriBidi still resolves an Arabic
        // paragraph as right-to-left, but left stays left.
        pango_layout_set_auto_dir(layout, alignment == .natural ? 1 : 0)
        switch alignment {
        case .natural, .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    /// Pango units (1/1024 point here, since the PDF surface's unit is the point) as points.
    private static func points(_ units: Int32) -> Double {
        pango_units_to_double(units)
    }

    // MARK: Shapes

    /// Strokes a straight line `width` points wide in grey `gray` (0 is black).
    func strokeLine(fromX x0: Double, y y0: Double, toX x1: Double, y y1: Double, width: Double, gray: Double = 0) {
        cairo_set_source_rgb(context, gray, gray, gray)
        cairo_set_line_width(context, width)
        cairo_move_to(context, x0, y0)
        cairo_line_to(context, x1, y1)
        cairo_stroke(context)
    }

    /// Strokes the outline of `rect`, `width` points wide.
    func strokeRectangle(_ rect: PageRect, width: Double, gray: Double = 0) {
        cairo_set_source_rgb(context, gray, gray, gray)
        cairo_set_line_width(context, width)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(context)
    }

    /// Fills all of `rects` as one shape, so abutting rectangles leave no hairline seams.
    func fillRectangles(_ rects: [PageRect], gray: Double = 0) {
        guard !rects.isEmpty else { return }
        cairo_set_source_rgb(context, gray, gray, gray)
        for rect in rects {
            cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        }
        cairo_fill(context)
    }

    // MARK: Pages

    /// Ends the current page; drawing goes on on a new, blank one.
    func showPage() {
        cairo_show_page(context)
    }
}
