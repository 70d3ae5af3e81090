@testable import ClinicCore
import Foundation
import Testing

/// The byte-level readers of stored ids, dates and MRNs agree with the general parsers.
struct StoredTextTests {
    @Test func uuidTextRoundTripsAndMatchesFoundation() {
        var random = SplitMix64(state: 7)
        for _ in 0..<500 {
            let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
            let uuid = UUIDv7Generator.make(millis: UInt64.random(in: 0...UInt64(1) << 47, using: &random), random: Array(bytes[..<10]))
            #expect(uuid.lowercased == uuid.uuidString.lowercased())
            #expect(UUID(canonical: uuid.uuidString) == uuid, "uppercase is read")
            #expect(UUID(canonical: uuid.lowercased) == uuid)
            #expect(EntityID<Patient>(uuid.lowercased)?.uuid == uuid)
        }
    }

    /// Stricter than Foundation on Linux, whose `sscanf` reading takes a misplaced dash.
    @Test func malformedUUIDsAreRefused() {
        let text = "0190a3c2-7b1e-7c3d-8e4f-5a6b7c8d9e0f"
        for bad in ["", String(text.dropLast()), text + "0", text.replacingOccurrences(of: "-", with: "_"),
                    "0190a3c2-7b1e-7c3d-8e4f-5a6b7c8d9e0g", "0190a3c27-b1e-7c3d-8e4f-5a6b7c8d9e0f", " " + text.dropFirst()] {
            #expect(UUID(canonical: bad) == nil, "“\(bad)”")
        }
        #expect(UUID(canonical: text) == UUID(uuidString: text))
    }

    @Test func isoDatesReadFromBytesMatchTheCalendar() {
        #expect(CalendarDate(iso: "1984-03-07") == CalendarDate(year: 1984, month: 3, day: 7))
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        for bad in ["2023-02-29", "2024-13-01", "2024-00-10", "24-01-01", "2024-1-01", "2024/01/01", "２０２４-01-01", "2024-01-01 "] {
            #expect(CalendarDate(iso: bad) == nil, "“\(bad)”")
        }
        var day = CalendarDate(iso: "1999-12-25")!
        for _ in 0..<800 {
            #expect(CalendarDate(iso: day.description) == day)
            day = day.adding(days: 37)
        }
    }

    @Test func mrnsReadFromBytesMatchTheGeneralParser() {
        #expect(MRN("KD3-000417") == MRN(prefix: "KD3", serial: 417))
        #expect(MRN("kd3-000417") == MRN(prefix: "KD3", serial: 417), "lower case still goes through the general reader")
        #expect(MRN("AB-1")?.description == "AB-000001")
        for bad in ["K-000417", "3KD-000417", "KDXYZ-1", "KD3-", "KD3-12a", "KD3000417", "KD3-0004-17", ""] {
            #expect(MRN(bad) == nil, "“\(bad)”")
        }
    }

    @Test func instantsReadFromBytesMatchTheGeneralReader() {
        var instant = Date(timeIntervalSince1970: 1_795_168_800.123)
        for _ in 0..<500 {
            let text = ISOInstant.format(instant)
            #expect(ISOInstant.parse(text).map(ISOInstant.format) == text, "\(text)")
            instant = instant.addingTimeInterval(86_399.457)
        }
        #expect(ISOInstant.parse("2026-11-20T10:00:00Z") == Date(timeIntervalSince1970: 1_795_168_800), "no fraction: the general reader")
        for bad in ["2026-11-20T24:00:00.000Z", "2026-11-20T10:60:00.000Z", "2026-02-30T10:00:00.000Z", "2026-11-20 10:00:00.000Z",
                    "2026-11-20T10:00:00.000"] {
            #expect(ISOInstant.parse(bad) == nil, "“\(bad)”")
        }
    }
}
