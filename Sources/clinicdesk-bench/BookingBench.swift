import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import ShippedKeymaps
import TerminalKit

/// `clinicdesk-bench booking`: the appointment book at 30 providers and a year of bookings —
/// next free slots, loading the day book, and checking a 52-week series.
struct BookingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booking", abstract: "Free slots, the day book and series checks.")

    @Option(help: "Providers in the clinic.")
    var providers = 30

    @Option(help: "Weeks of bookings.")
    var weeks = 52

    @Option(help: "Patients in the clinic.")
    var patients = 60_000

    @Option(help: "Samples of each measurement.")
    var samples = 1_000

    @Option(help: "Seed for the database and the samples.")
    var seed: UInt64 = 20_261_121

    @Option(help: "Folder for cached benchmark databases.")
    var folder = ".build/bench"

    @Option(help: "Only this measurement: next-free, day-book or series (all when not given).")
    var only: String?

    func run() async throws {
        let book = try BookingDatabase.open(
            providers: providers, weeks: weeks, patients: patients, seed: seed, folder: folder)
        let count = try (0..<(book.weeks * 7)).reduce(0) {
            try $0 + book.store.schedule(on: book.firstDay.adding(days: $1)).count
        }
        print(
            "appointment book, \(book.providers.count) providers, \(count) appointments over \(book.weeks) weeks "
                + "from \(book.firstDay):")
        var random = SplitMix64(state: seed)
        if only == nil || only == "next-free" { try BookingMeasurements(book: book, samples: samples).nextFree(random: &random) }
        if only == nil || only == "day-book" { 
            try BookingMeasurements(book: book, samples: samples).dayBook(random: &random, draw: Self.drawer(book))
        }
        if only == nil || only == "series" {
            try BookingMeasurements(book: book, samples: max(50, samples / 5)).series(random: &random)
        }
    }
}

/// Draws a loaded day book (the grid), for the figure that includes drawing.
typealias DrawDayBook = (AppointmentBook) -> Void

extension BookingBench {
    /// The Schedule pane's own view drawing `book` on a 200×60 screen, focused, as the
    /// receptionist sees it at 07:00 on the first day of the bookings.
    static func drawer(_ book: BookingDatabase) -> DrawDayBook {
        let keymap = Keymap.load([KeymapSource(path: "keymaps/default.toml", text: ShippedKeymaps.all["default"]!)],
                                 catalog: AppCommands.catalog, contexts: AppContexts.all).keymap
        let session = Session(
            now: Date(timeIntervalSince1970: Double(book.now.date.daysSinceEpoch * 86_400 + book.now.time.minuteOfDay * 60)),
            timeZone: TimeZone(identifier: "UTC")!, dateOrder: .dayMonthYear, size: Size(width: 200, height: 60))
        var checked = false
        return { loaded in
            var state = ScheduleState(day: loaded.date)
            state.book = loaded
            state.isLoaded = true
            let context = ViewContext(session: session, isFocused: true,
                                      hints: KeyHints(keymap: keymap, contexts: ScheduleFeature.input(state).contexts))
            var buffer = Buffer(size: session.size)
            BookView.render(state, context, in: Rect(origin: .zero, size: session.size), buffer: &buffer)
            if !checked {
                precondition(buffer.textRows.joined().contains("free"), "the drawn book shows free slots")
                checked = true
            }
        }
    }
}

/// The measurements over one book.
struct BookingMeasurements {
    let book: BookingDatabase
    let samples: Int

    var store: ClinicStore { book.store }

    /// A day of the year's first 300, so a 60-day look ahead stays inside the bookings.
    func someDay(_ random: inout SplitMix64) -> CalendarDate {
        book.firstDay.adding(days: Int.random(in: 0..<min(300, book.weeks * 7), using: &random))
    }

    /// "The next 10 free slots with Dr X for this patient" from a random day: the store's read
    /// plus ``Availability/nextFree``; against reading the whole 60-day horizon first.
    func nextFree(random: inout SplitMix64) throws {
        let asks = (0..<samples).map { _ in
            (
                book.providers.randomElement(using: &random)!, book.patients.randomElement(using: &random)!,
                LocalDateTime(
                    date: someDay(&random), time: ClockTime(hour: Int.random(in: 8...16, using: &random), minute: 0)!)
            )
        }
        for (provider, patient, start) in asks.prefix(50) {
            _ = try store.nextFreeSlots(with: provider.id, from: start, limit: 10, for: patient)
        }
        var ours: [Double] = []
        var horizon: [Double] = []
        var found = 0
        for (provider, patient, start) in asks {
            var slots: [LocalDateTime] = []
            ours.append(
                try measuring {
                    slots = try store.nextFreeSlots(with: provider.id, from: start, limit: 10, for: patient)
                })
            found += slots.count
            var whole: [LocalDateTime] = []
            horizon.append(
                try measuring {
                    let day = try store.providerDays(provider.id, from: start.date, days: 60)
                    let busy = try store.appointments(of: patient, from: start.date)
                    whole = Availability.nextFree(
                        day, from: start, limit: 10, days: 60, patientAppointments: busy, now: book.now)
                })
            guard whole == slots else {
                throw BenchFailure("next free slots differ for \(provider.displayName) from \(start)")
            }
        }
        let windowed = Latencies(samples: ours)
        let floor = Latencies(samples: horizon)
        print(
            "  next 10 free slots, one provider and patient, random day (\(samples) asks, \(found / max(1, samples)) slots found each):"
        )
        print("    store.nextFreeSlots      " + windowed.summary + "   (goal p99 ≤ 10 ms)")
        print("    60 days read, then found " + floor.summary)
        print(
            String(
                format: "    store ÷ whole horizon: p50 %.2f×, p99 %.2f×",
                windowed.percentile(50) / floor.percentile(50),
                windowed.percentile(99) / floor.percentile(99)))
    }

    /// The day book for every provider: `appointmentBook(on:)` and each provider's slots, then
    /// `draw` (the grid) when one is given; against the day's plain appointment list.
    func dayBook(random: inout SplitMix64, draw: DrawDayBook?) throws {
        let days = (0..<samples).map { _ in someDay(&random) }
        for day in days.prefix(50) { _ = try store.appointmentBook(on: day) }
        var loads: [Double] = []
        var drawn: [Double] = []
        var lists: [Double] = []
        var shown = 0
        for day in days {
            let started = monotonicSeconds()
            let loaded = try store.appointmentBook(on: day)
            let read = monotonicSeconds()
            let grid = loaded.days.map { Availability.slots($0, on: day, now: book.now) }
            loads.append(monotonicSeconds() - started)
            if let draw {
                // The view lays out the slots itself: the read, then the pane drawn from it.
                let drawing = monotonicSeconds()
                draw(loaded)
                drawn.append(read - started + monotonicSeconds() - drawing)
            }
            shown += grid.reduce(0) { $0 + $1.count }
            lists.append(try measuring { _ = try store.schedule(on: day) })
        }
        let load = Latencies(samples: loads)
        let list = Latencies(samples: lists)
        print(
            "  day book, \(book.providers.count) providers (\(samples) random days, \(shown / max(1, samples)) slots a day):"
        )
        print("    load (book + slots)      " + load.summary)
        if draw != nil {
            print("    load + draw 200×60       " + Latencies(samples: drawn).summary + "   (goal p99 ≤ 16 ms; the pane's own view)")
        }
        print(
            "    day's list alone         " + list.summary + "   (store.schedule(on:), the rows without hours or slots)"
        )
        print(
            String(
                format: "    book ÷ list: p50 %.2f×, p99 %.2f×", load.percentile(50) / list.percentile(50),
                load.percentile(99) / list.percentile(99)))
    }

    /// `checkSeries` for 52 weekly occurrences from a random Monday, against a series of 2.
    func series(random: inout SplitMix64) throws {
        let asks = (0..<samples).map { _ in
            let monday = book.firstDay.adding(days: 7 * Int.random(in: 0..<max(1, book.weeks / 4), using: &random))
            return BookingRequest(
                patientID: book.patients.randomElement(using: &random)!,
                providerID: book.providers.randomElement(using: &random)!.id,
                start: LocalDateTime(
                    date: monday, time: ClockTime(hour: Int.random(in: 9...15, using: &random), minute: 0)!))
        }
        let year = RecurrenceRule(every: 1, unit: .weeks, end: .count(52))
        for request in asks.prefix(10) { _ = try store.checkSeries(request, rule: year) }
        var long: [Double] = []
        var short: [Double] = []
        var problems = 0
        for request in asks {
            long.append(
                try measuring {
                    problems += try store.checkSeries(request, rule: year).filter { !$0.problems.isEmpty }.count
                })
            short.append(
                try measuring {
                    _ = try store.checkSeries(request, rule: RecurrenceRule(every: 1, unit: .weeks, end: .count(2)))
                })
        }
        let year52 = Latencies(samples: long)
        let two = Latencies(samples: short)
        print(
            "  series check, 52 weekly occurrences (\(samples) series, \(problems / max(1, samples)) occurrences with problems each):"
        )
        print("    52 weeks                 " + year52.summary + "   (goal ≤ 20 ms)")
        print("    2 weeks                  " + two.summary)
        print(
            String(
                format: "    52 ÷ 2: p50 %.1f×, p99 %.1f×", year52.percentile(50) / two.percentile(50),
                year52.percentile(99) / two.percentile(99)))
    }
}

/// Seconds `body` takes.
func measuring(_ body: () throws -> Void) throws -> Double {
    let started = monotonicSeconds()
    try body()
    return monotonicSeconds() - started
}
