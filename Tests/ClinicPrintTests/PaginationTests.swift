import Testing

@testable import ClinicPrint

@Suite struct PaginationTests {
    private let band = ContentBand(firstPageTop: 0, laterPageTop: 50, bottom: 350)

    private func piece(_ name: String, _ height: Double, keepWithNext: Bool = false, header: RepeatedHeader? = nil)
        -> Piece
    {
        Piece(
            name: name, height: height, spaceBefore: 10, keepWithNext: keepWithNext, repeatedHeader: header,
            marks: [.text(name, style: .body, x: 0, y: 0, width: 100, alignment: .natural, lines: nil)])
    }

    private func names(_ pages: [[PlacedPiece]]) -> [[String]] {
        pages.map { page in
            page.compactMap { placed in
                if case .text(let text, _, _, _, _, _, _) = placed.marks.first { return text }
                return nil
            }
        }
    }

    @Test func piecesMoveToANewPageWhenTheyWouldCrossTheBottom() throws {
        // 200 + 10 + 150 would cross 350.
        let pages = try band.paginate([piece("a", 200), piece("b", 150), piece("c", 100)])
        #expect(names(pages) == [["a"], ["b", "c"]])
        // The gap above a piece is dropped at the top of a page.
        #expect(pages[1].map(\.y) == [50, 210])
    }

    @Test func aHeadingStaysWithWhatFollows() throws {
        // The heading alone would fit (260 + 10 + 20), not with the text after it (+ 10 + 60).
        let pages = try band.paginate([piece("a", 260), piece("heading", 20, keepWithNext: true), piece("text", 60)])
        #expect(names(pages) == [["a"], ["heading", "text"]])
    }

    @Test func aTableRowCarriesItsHeaderOntoTheNextPage() throws {
        let header = RepeatedHeader(
            height: 30,
            marks: [.text("header", style: .heading, x: 0, y: 0, width: 100, alignment: .natural, lines: nil)])
        let rows = (1...4).map { piece("row \($0)", 100, header: header) }
        let pages = try band.paginate(rows)
        #expect(names(pages) == [["row 1", "row 2", "row 3"], ["header", "row 4"]])
        #expect(pages[1].map(\.y) == [50, 80])
    }

    @Test func aPieceTallerThanAPageIsAnError() {
        #expect(throws: PrintError.blockTooTall(what: "huge", height: 400, available: 300)) {
            try band.paginate([piece("huge", 400)])
        }
    }

    @Test func nothingStillMakesOnePage() throws {
        #expect(try band.paginate([]).count == 1)
    }
}
