import Testing

@testable import ClinicPrint

@Suite struct PaperSizeTests {
    @Test func parsesNamesInAnyCase() throws {
        #expect(try PaperSize(parsing: "A4") == .a4)
        #expect(try PaperSize(parsing: " letter\n") == .letter)
        #expect(PaperSize.a4.width == 595.28 && PaperSize.letter.height == 792)
    }

    @Test func rejectsOtherNamesSayingWhichThereAre() {
        #expect(throws: PaperSizeError(given: "a5")) { try PaperSize(parsing: "a5") }
        #expect(PaperSizeError(given: "a5").description == "Unknown paper size \"a5\": use a4 or letter.")
    }
}
