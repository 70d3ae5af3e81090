import Testing

@testable import ClinicPrint

@Suite struct QRCodeTests {
    @Test func aShortCodeIsAVersionOneSymbol() throws {
        let code = try QRCode(encoding: "RX-7KQ2-M9PD")
        #expect(code.size == 21)
        #expect(code.modules.allSatisfy { $0.count == 21 })
    }

    /// The three finder patterns: a dark 7×7 ring around a light ring around a dark 3×3 core,
    /// each with a light separator on its inner sides.
    @Test func hasTheThreeFinderPatterns() throws {
        let code = try QRCode(encoding: "RX-7KQ2-M9PD")
        let last = code.size - 7
        for (top, left) in [(0, 0), (0, last), (last, 0)] {
            for row in 0..<7 {
                for column in 0..<7 {
                    let ring = max(abs(row - 3), abs(column - 3))
                    #expect(code.modules[top + row][left + column] == (ring != 2), "finder at \(top),\(left)")
                }
            }
        }
        #expect(code.modules[7][0...7].allSatisfy { !$0 })
        #expect(code.modules[0...7].allSatisfy { !$0[7] })
    }

    @Test func longerTextMakesALargerSymbol() throws {
        let code = try QRCode(encoding: String(repeating: "verification ", count: 10))
        #expect(code.size > 21 && (code.size - 17) % 4 == 0)
    }

    @Test func emptyOrOverlongTextIsAnError() {
        #expect(throws: PrintError.qrEncoding(text: "", reason: "there is nothing to encode")) {
            try QRCode(encoding: "")
        }
        let long = String(repeating: "x", count: 8000)
        #expect(throws: PrintError.qrEncoding(text: long, reason: "it is too long for a QR code")) {
            try QRCode(encoding: long)
        }
    }
}
