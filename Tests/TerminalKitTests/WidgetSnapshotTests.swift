import TerminalKit
import TerminalKitTesting
import Testing

@Suite("Widget snapshots")
struct WidgetSnapshotTests {
    static let cases: [(String, Size)] = WidgetGallery.all.flatMap { entry in
        standardSnapshotSizes.map { (entry.name, $0) }
    }

    @Test("Each widget at 120×32, 80×24 and 40×12", arguments: cases)
    func snapshot(name: String, size: Size) throws {
        let draw = try #require(WidgetGallery.all.first { $0.name == name }?.draw)
        let buffer = renderBuffer(width: size.width, height: size.height, draw)
        assertSnapshot(buffer, named: "\(name)-\(size)")
    }

    @Test("A filtered table shows only matching patients")
    func filteredTable() {
        let buffer = renderBuffer(width: 60, height: 8) { WidgetGallery.table(in: $0, buffer: &$1, filter: "nguyen") }
        assertSnapshot(buffer, named: "table-filtered-60x8")
    }

    @Test(
        "Every widget draws without crashing at tiny sizes",
        arguments: [
            Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 2, height: 1), Size(width: 1, height: 2),
            Size(width: 2, height: 2), Size(width: 3, height: 3), Size(width: 7, height: 2), Size(width: 12, height: 4),
        ])
    func tinySizes(size: Size) {
        for entry in WidgetGallery.all {
            let buffer = renderBuffer(width: size.width, height: size.height, entry.draw)
            #expect(buffer.size == size, "\(entry.name)")
            if let cursor = buffer.cursor {
                #expect(buffer.area.contains(cursor), "\(entry.name) put the cursor outside the screen")
            }
        }
    }
}

@Suite("Table alignment")
struct TableAlignmentTests {
    @Test(
        "Mixed-script names line up: every column starts at the same x on every row", arguments: standardSnapshotSizes)
    func columnsLineUp(size: Size) throws {
        let buffer = renderBuffer(width: size.width, height: size.height) { WidgetGallery.table(in: $0, buffer: &$1) }
        let table = Table(columns: WidgetGallery.columns, rows: WidgetGallery.patientRows)
        let inner = Block().inner(buffer.area)
        let columnStarts = table.columnAreas(in: inner).map(\.x)
        let mrnColumn = columnStarts[2]
        for (row, patient) in Fixtures.patients.enumerated() {
            let y = inner.y + 1 + row
            let mrn = (0..<8).map { buffer[mrnColumn + $0, y].text }.joined()
            #expect(mrn == patient.mrn, "row \(row) (\(patient.name)) is misaligned")
            #expect(buffer[mrnColumn - 1, y].text == " ")
            #expect(!buffer[mrnColumn, y].isContinuation)
        }
    }
}
