/// Lays a `PrintDocument` out on pages of one paper size: measures each block into pieces,
/// paginates them, and adds the running header and footer to each page.
struct DocumentLayout {
    let document: PrintDocument
    let paper: PaperSize

    /// The margin on every side: 15 mm.
    static let margin = 15 * 72 / 25.4
    /// The gap between blocks.
    static let blockGap = 10.0
    /// The gap between a table cell's border and its text.
    static let cellPadding = 4.0
    /// The smallest side of a QR code's symbol, quiet zone not included: 25 mm.
    static let qrMinimumSymbolSide = 25 * 72 / 25.4
    /// The smallest module of a QR code: a symbol that needs more modules grows instead.
    static let qrMinimumModule = 0.5 * 72 / 25.4

    private var left: Double { Self.margin }
    private var width: Double { paper.width - 2 * Self.margin }

    /// Each page's marks, in page coordinates.
    func pages(measuringWith canvas: borrowing PDFCanvas) throws(PrintError) -> [[PageMark]] {
        var pieces: [Piece] = []
        for block in document.blocks {
            pieces += try self.pieces(for: block, canvas: canvas)
        }
        let footerTop = paper.height - Self.margin - footerHeight(canvas: canvas)
        let band = ContentBand(
            firstPageTop: Self.margin,
            laterPageTop: Self.margin + runningHeaderHeight(canvas: canvas) + Self.blockGap,
            bottom: footerTop - Self.blockGap)
        let placed = try band.paginate(pieces)
        // Drawn in reading order (header, content, footer), which is the order text is extracted in.
        return placed.enumerated().map { index, page in
            var marks = index > 0 ? runningHeaderMarks(page: index + 1) : []
            for piece in page {
                marks += piece.marks.map { $0.offset(dx: left, dy: piece.y) }
            }
            return marks + footerMarks(page: index + 1, of: placed.count, top: footerTop)
        }
    }

    // MARK: Header and footer

    private func runningHeaderText(page: Int) -> String {
        "\(document.runningHeader) — page \(page)"
    }

    private func runningHeaderHeight(canvas: borrowing PDFCanvas) -> Double {
        canvas.measure(runningHeaderText(page: 99), style: .heading, width: width).height + 4
    }

    private func runningHeaderMarks(page: Int) -> [PageMark] {
        let text = runningHeaderText(page: page)
        return [
            .text(text, style: .heading, x: left, y: Self.margin, width: width, alignment: .natural, lines: nil)
        ]
    }

    /// The footer text takes three quarters of the width; the page number the rest.
    private var footerTextWidth: Double { width * 0.75 }

    private func footerHeight(canvas: borrowing PDFCanvas) -> Double {
        let text = canvas.measure(document.footer, style: .small, width: footerTextWidth).height
        return max(text, canvas.measure("Page 99 of 99", style: .small, width: nil).height) + 4
    }

    private func footerMarks(page: Int, of count: Int, top: Double) -> [PageMark] {
        let numberWidth = width - footerTextWidth
        return [
            .rule(x0: left, x1: left + width, y: top, width: 0.5, gray: 0.5),
            .text(
                document.footer, style: .small, x: left, y: top + 4, width: footerTextWidth, alignment: .natural,
                lines: nil),
            .text(
                "Page \(page) of \(count)", style: .small, x: left + footerTextWidth, y: top + 4, width: numberWidth,
                alignment: .right, lines: nil),
        ]
    }

    // MARK: Blocks

    /// The pieces of one block, each drawn from its own top-left at the content's left edge.
    private func pieces(for block: DocumentBlock, canvas: borrowing PDFCanvas) throws(PrintError) -> [Piece] {
        switch block {
        case .titleLines(let title, let lines):
            return [titlePiece(title, lines: lines, canvas: canvas)]
        case .heading(let text):
            let height = canvas.measure(text, style: .heading, width: width).height
            return [
                Piece(
                    name: "The heading \"\(text)\"", height: height + 2, spaceBefore: Self.blockGap + 4,
                    keepWithNext: true, marks: [textMark(text, style: .heading, x: 0, y: 0, width: width)])
            ]
        case .fields(let fields):
            return fieldPieces(fields, canvas: canvas)
        case .paragraph(let text):
            return paragraphPieces(text, canvas: canvas)
        case .notice(let text):
            return [noticePiece(text, canvas: canvas)]
        case .table(let table):
            return tablePieces(table, canvas: canvas)
        case .qrCode(let block):
            return [try qrPiece(block, canvas: canvas)]
        case .rule:
            return [
                Piece(
                    name: "A rule", height: 8, spaceBefore: 4,
                    marks: [.rule(x0: 0, x1: width, y: 4, width: 0.8, gray: 0)])
            ]
        }
    }

    private func textMark(
        _ text: String, style: TextStyle, x: Double, y: Double, width: Double, alignment: TextAlignment = .natural
    ) -> PageMark {
        .text(text, style: style, x: x, y: y, width: width, alignment: alignment, lines: nil)
    }

    private func titlePiece(_ title: String, lines: [String], canvas: borrowing PDFCanvas) -> Piece {
        var marks = [textMark(title, style: .title, x: 0, y: 0, width: width, alignment: .left)]
        var y = canvas.measure(title, style: .title, width: width).height
        for line in lines {
            marks.append(textMark(line, style: .small, x: 0, y: y, width: width, alignment: .left))
            y += canvas.measure(line, style: .small, width: width).height
        }
        return Piece(name: "The title", height: y, marks: marks)
    }

    /// One piece per row; labels get a column as wide as the widest (up to a third of the width),
    /// and each label sits on its value's first baseline.
    private func fieldPieces(_ fields: [LabeledValue], canvas: borrowing PDFCanvas) -> [Piece] {
        var labelWidth = 0.0
        for field in fields {
            labelWidth = max(labelWidth, canvas.measure(field.label, style: .small, width: nil).width)
        }
        labelWidth = min(labelWidth, width / 3)
        let valueX = labelWidth + 12
        var pieces: [Piece] = []
        for (index, field) in fields.enumerated() {
            let label = canvas.measure(field.label, style: .small, width: labelWidth)
            let value = canvas.measure(field.value, style: .body, width: width - valueX)
            let labelY = value.firstBaseline - label.firstBaseline
            pieces.append(
                Piece(
                    name: "The \"\(field.label)\" row", height: max(value.height, labelY + label.height),
                    spaceBefore: index == 0 ? Self.blockGap : 2,
                    marks: [
                        textMark(field.label, style: .small, x: 0, y: labelY, width: labelWidth, alignment: .left),
                        textMark(field.value, style: .body, x: valueX, y: 0, width: width - valueX, alignment: .left),
                    ]))
        }
        return pieces
    }

    /// One piece per line, so a long paragraph continues on the next page.
    private func paragraphPieces(_ text: String, canvas: borrowing PDFCanvas) -> [Piece] {
        let metrics = canvas.measure(text, style: .body, width: width)
        return metrics.lines.enumerated().map { index, line in
            Piece(
                name: "A paragraph's line", height: line.height, spaceBefore: index == 0 ? 4 : 0,
                marks: [
                    .text(text, style: .body, x: 0, y: 0, width: width, alignment: .natural, lines: index..<index + 1)
                ])
        }
    }

    private func noticePiece(_ text: String, canvas: borrowing PDFCanvas) -> Piece {
        let padding = 6.0
        let height = canvas.measure(text, style: .strong, width: width - 2 * padding).height + 2 * padding
        return Piece(
            name: "The notice", height: height, spaceBefore: Self.blockGap,
            marks: [
                .frame(PageRect(x: 0, y: 0, width: width, height: height), width: 1.2),
                textMark(text, style: .strong, x: padding, y: padding, width: width - 2 * padding),
            ])
    }

    /// The column titles (kept with the first row, repeated on later pages), then one piece per row.
    private func tablePieces(_ table: DocumentTable, canvas: borrowing PDFCanvas) -> [Piece] {
        let totalWeight = table.columns.reduce(0) { $0 + $1.weight }
        var columnX: [Double] = []
        var x = 0.0
        for column in table.columns {
            columnX.append(x)
            x += width * column.weight / totalWeight
        }
        columnX.append(width)
        let padding = Self.cellPadding
        func cellWidth(_ column: Int) -> Double { columnX[column + 1] - columnX[column] - 2 * padding }
        func alignment(_ column: TableColumn) -> TextAlignment { column.alignment == .right ? .right : .left }

        var headerMarks: [PageMark] = []
        var headerHeight = 0.0
        for (index, column) in table.columns.enumerated() {
            let text = canvas.measure(column.title, style: .heading, width: cellWidth(index))
            headerHeight = max(headerHeight, text.height)
            headerMarks.append(
                textMark(
                    column.title, style: .heading, x: columnX[index] + padding, y: padding, width: cellWidth(index),
                    alignment: alignment(column)))
        }
        headerHeight += 2 * padding
        headerMarks.append(.rule(x0: 0, x1: width, y: headerHeight, width: 0.8, gray: 0))
        let header = RepeatedHeader(height: headerHeight, marks: headerMarks)
        var pieces = [
            Piece(
                name: "The table's column titles", height: headerHeight, spaceBefore: Self.blockGap,
                keepWithNext: true, marks: headerMarks)
        ]
        for (rowIndex, row) in table.rows.enumerated() {
            var marks: [PageMark] = []
            var rowHeight = 0.0
            for (index, column) in table.columns.enumerated() where index < row.count {
                let cell = row[index]
                let cellX = columnX[index] + padding
                let style: TextStyle = column.isEmphasized ? .strong : .body
                marks.append(
                    textMark(
                        cell.text, style: style, x: cellX, y: padding, width: cellWidth(index),
                        alignment: alignment(column)))
                var height = canvas.measure(cell.text, style: style, width: cellWidth(index)).height
                if let detail = cell.detail {
                    marks.append(
                        textMark(
                            detail, style: .body, x: cellX, y: padding + height + 1, width: cellWidth(index),
                            alignment: alignment(column)))
                    height += 1 + canvas.measure(detail, style: .body, width: cellWidth(index)).height
                }
                rowHeight = max(rowHeight, height)
            }
            rowHeight += 2 * padding
            marks.append(.rule(x0: 0, x1: width, y: rowHeight, width: 0.4, gray: 0.6))
            pieces.append(
                Piece(name: "Table row \(rowIndex + 1)", height: rowHeight, repeatedHeader: header, marks: marks))
        }
        return pieces
    }

    /// The symbol, at least `qrMinimumSymbolSide` wide, inside its light quiet zone; the caption
    /// centred under it and the note to its right.
    private func qrPiece(_ block: QRCodeBlock, canvas: borrowing PDFCanvas) throws(PrintError) -> Piece {
        let code = try QRCode(encoding: block.payload)
        let module = max(Self.qrMinimumSymbolSide / Double(code.size), Self.qrMinimumModule)
        let side = module * Double(code.size + 2 * QRCode.quietZone)
        let inset = module * Double(QRCode.quietZone)
        var rects: [PageRect] = []
        for (row, modules) in code.modules.enumerated() {
            // One rectangle per run of dark modules along the row.
            var column = 0
            while column < modules.count {
                guard modules[column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < modules.count, modules[column] { column += 1 }
                rects.append(
                    PageRect(
                        x: inset + Double(start) * module, y: inset + Double(row) * module,
                        width: Double(column - start) * module, height: module))
            }
        }
        let caption = canvas.measure(block.caption, style: .code, width: side)
        var marks: [PageMark] = [
            .fill(rects),
            textMark(block.caption, style: .code, x: 0, y: side, width: side, alignment: .center),
        ]
        var height = side + caption.height
        if let note = block.note {
            let noteX = side + 12
            marks.append(textMark(note, style: .body, x: noteX, y: inset, width: width - noteX))
            height = max(height, inset + canvas.measure(note, style: .body, width: width - noteX).height)
        }
        return Piece(name: "The QR code", height: height, spaceBefore: Self.blockGap + 6, marks: marks)
    }
}
