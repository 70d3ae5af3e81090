/// A slice of a document that is never split across pages: a row, a line of a paragraph, a QR code.
struct Piece: Sendable, Hashable {
    /// Names the piece in an error, e.g. "Table row 3".
    var name: String
    /// The piece's height in points.
    var height: Double
    /// The gap above the piece, dropped at the top of a page.
    var spaceBefore: Double = 0
    /// Whether a page may not end right after this piece (a heading, a table's column titles).
    var keepWithNext = false
    /// Drawn at the top of a page this piece had to move to (a table's column titles), then the piece.
    var repeatedHeader: RepeatedHeader?
    /// What to draw, placed from the piece's top-left.
    var marks: [PageMark]
}

/// Marks repeated at the top of a page when a piece moves onto it.
struct RepeatedHeader: Sendable, Hashable {
    var height: Double
    var marks: [PageMark]
}

/// A piece's marks placed on a page: `y` is the piece's top.
struct PlacedPiece: Sendable, Hashable {
    var y: Double
    var marks: [PageMark]
}

/// Where content may go on a page, top to bottom, in points from the page's top.
struct ContentBand: Sendable, Hashable {
    /// Where the first page's content starts.
    var firstPageTop: Double
    /// Where later pages' content starts (below the running header).
    var laterPageTop: Double
    /// Where every page's content must end (above the footer).
    var bottom: Double

    /// Stacks `pieces` down the pages, moving a piece to a new page when it would cross `bottom`
    /// (or would leave a piece that keeps with the next at a page's end). Returns the pieces
    /// placed on each page; there is always at least one page.
    func paginate(_ pieces: [Piece]) throws(PrintError) -> [[PlacedPiece]] {
        var pages: [[PlacedPiece]] = [[]]
        var y = firstPageTop
        var atPageTop = true
        for (index, piece) in pieces.enumerated() {
            let room = bottom - laterPageTop - (piece.repeatedHeader?.height ?? 0)
            guard piece.height <= room else {
                throw .blockTooTall(what: piece.name, height: piece.height, available: room)
            }
            var needed = (atPageTop ? 0 : piece.spaceBefore) + piece.height
            if piece.keepWithNext, index + 1 < pieces.count {
                needed += pieces[index + 1].spaceBefore + pieces[index + 1].height
            }
            if y + needed > bottom, !atPageTop {
                pages.append([])
                y = laterPageTop
                if let header = piece.repeatedHeader {
                    pages[pages.count - 1].append(PlacedPiece(y: y, marks: header.marks))
                    y += header.height
                }
                atPageTop = true
            }
            y += atPageTop ? 0 : piece.spaceBefore
            pages[pages.count - 1].append(PlacedPiece(y: y, marks: piece.marks))
            y += piece.height
            atPageTop = false
        }
        return pages
    }
}
