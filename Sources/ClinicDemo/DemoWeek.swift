import ClinicCore
import ClinicStore
import Foundation

/// Books the current week's appointments and plays the week forward to "now": arrivals,
/// consultations, no-shows, cancellations, prescriptions and follow-ups, each written
/// through the store by the right person at the simulated time it happened.
struct DemoWeek {
    let store: ClinicStore
    let clock: ManualClock
    let realNow: Date
    let timeZone: TimeZone
    let staff: DemoStaff
    let providers: [Provider]
    let patients: [EntityID<Patient>]
    var random: SplitMix64
    /// Draws for the money side alone, so adding billing left the week's own draws as they were.
    var billingRandom: SplitMix64
    let billing: DemoBilling
    var prices: [String: PriceItem] = [:]
    /// A paid invoice with a procedure, refunded by the admin on a later day.
    var refundDue: (invoice: EntityID<Invoice>, day: CalendarDate)?
    var refunded = false

    init(store: ClinicStore, clock: ManualClock, realNow: Date, timeZone: TimeZone, staff: DemoStaff,
         providers: [Provider], patients: [EntityID<Patient>], seed: UInt64) {
        self.store = store
        self.clock = clock
        self.realNow = realNow
        self.timeZone = timeZone
        self.staff = staff
        self.providers = providers
        self.patients = patients
        random = SplitMix64(state: seed &+ 7)
        billingRandom = SplitMix64(state: seed &+ 11)
        billing = DemoBilling(store: store, staff: staff)
    }

    private struct Event {
        var at: Date
        var order: Int
        var run: (inout DemoWeek) throws -> Void
    }

    private var events: [Event] = []

    /// Simulates the week; returns how many appointments were booked.
    mutating func simulate() throws -> Int {
        guard !patients.isEmpty else { return 0 }
        let today = CalendarDate.today(clock: WallClock.fixed(realNow), timeZone: timeZone)
        let monday = today.adding(days: 1 - today.isoWeekday)
        clock.set(date(monday.adding(days: -7), minute: 9 * 60))
        prices = try billing.seedPrices()
        var booked = 0
        for provider in providers {
            let templates = try store.weeklySchedule(of: provider.id)
            for offset in 0..<7 {
                let day = monday.adding(days: offset)
                guard let template = templates.first(where: { $0.weekday == day.isoWeekday }),
                      try store.scheduleExceptions(covering: day, provider: provider.id).isEmpty
                else { continue }
                var minute = template.hours.start.minuteOfDay
                while minute + provider.defaultSlotMinutes <= template.hours.end.minuteOfDay {
                    let time = ClockTime(minuteOfDay: minute)!
                    if template.canSee(at: time, minutes: provider.defaultSlotMinutes), int(1...100) <= 65,
                       try book(provider: provider, start: LocalDateTime(date: day, time: time)) {
                        booked += 1
                    }
                    minute += provider.defaultSlotMinutes
                }
            }
        }
        try walkIns(today: today)
        drawerCounts(from: monday, to: today)
        try play()
        return booked
    }

    /// Books a slot as a receptionist would, with the rules on: a patient drawn who is already
    /// booked elsewhere at that time is replaced by another draw; false when three draws fail.
    private mutating func book(provider: Provider, start: LocalDateTime) throws -> Bool {
        let kind: AppointmentKind = int(1...100) <= 30 ? .followUp : .new
        let mode: AppointmentMode = int(1...100) <= 90 ? .inPerson : .video
        let reason = Self.reasons[int(0...(Self.reasons.count - 1))]
        var booked: Appointment?
        for _ in 0..<3 where booked == nil {
            do {
                booked = try store.bookAppointment(
                    BookingRequest(patientID: patients[int(0...(patients.count - 1))], providerID: provider.id, start: start,
                                   kind: kind, mode: mode, reason: reason),
                    by: staff.receptionist
                )
            } catch StoreError.bookingRefused {
                continue
            }
        }
        guard let appointment = booked else { return false }
        scheduleSteps(of: appointment, provider: provider, start: start)
        return true
    }

    private mutating func scheduleSteps(of appointment: Appointment, provider: Provider, start: LocalDateTime) {
        let startDate = date(start.date, minute: start.time.minuteOfDay)
        let roll = int(1...100)
        if roll <= 6 {
            schedule(startDate.addingTimeInterval(-Double(int(2...40)) * 3600)) { week in
                try week.change(appointment.id, .cancel(reason: Self.cancelReasons[week.int(0...2)]), by: week.staff.receptionist)
            }
            return
        }
        if int(1...100) <= 40 {
            schedule(startDate.addingTimeInterval(-Double(int(20...60)) * 3600)) { week in
                try week.change(appointment.id, .confirm, by: week.staff.receptionist)
            }
        }
        if roll <= 14 {
            schedule(startDate.addingTimeInterval(20 * 60)) { week in
                try week.change(appointment.id, .markNoShow, by: week.staff.receptionist)
            }
            return
        }
        let arrival = startDate.addingTimeInterval(Double(int(-15...5)) * 60)
        let called = max(arrival, startDate).addingTimeInterval(Double(int(0...12)) * 60)
        let finished = called.addingTimeInterval(Double(appointment.minutes) * 60)
        let clinician = provider.userID == staff.doctor.userID ? staff.doctor : Author.system("demo")
        schedule(arrival) { try $0.change(appointment.id, .checkIn, by: $0.staff.receptionist) }
        schedule(called) { try $0.change(appointment.id, .startConsultation, by: clinician) }
        schedule(finished) { week in
            try week.change(appointment.id, .complete, by: clinician)
            if clinician == week.staff.doctor, week.int(1...100) <= 40 {
                try week.store.issuePrescription(patient: appointment.patientID, lines: [Self.prescriptions[week.int(0...(Self.prescriptions.count - 1))]],
                                                 by: week.staff.doctor)
            }
            try week.checkOut(appointment, finishedAt: finished)
            if week.int(1...100) <= 10 {
                // Only into a free slot: a follow-up that would clash or fall outside hours is left for the desk to book.
                let later = start.date.adding(days: week.int(14...28))
                do {
                    try week.store.bookFollowUp(from: appointment.id, at: LocalDateTime(date: later, time: start.time),
                                                by: week.staff.receptionist)
                } catch StoreError.bookingRefused {
                    return
                }
            }
        }
    }

    /// A few patients who walk in without an appointment today.
    private mutating func walkIns(today: CalendarDate) throws {
        for index in 0..<3 {
            let patient = patients[int(0...(patients.count - 1))]
            let arrival = realNow.addingTimeInterval(-Double(5 + index * 17) * 60)
            guard arrival > date(today, minute: 8 * 60) else { continue }
            schedule(arrival) { week in
                try week.store.checkInWalkIn(patient: patient, priority: index == 0 ? .urgent : .normal, by: week.staff.receptionist)
            }
        }
    }

    /// The desk charges and settles a finished visit; the visits of the last 90 minutes today are
    /// left to invoice. The first procedure paid for on an earlier day is refunded the next day.
    private mutating func checkOut(_ appointment: Appointment, finishedAt: Date) throws {
        guard let visit = try store.visits(of: appointment.patientID).first(where: { $0.appointmentID == appointment.id }) else { return }
        if let due = refundDue, !refunded, due.day < visit.day {
            refunded = try billing.refundProcedure(on: due.invoice)
            if !refunded { refundDue = nil }
        }
        let recent = realNow.timeIntervalSince(finishedAt) < 90 * 60
        let settlement = recent ? .notInvoiced : DemoBilling.Settlement.draw(money(1...100))
        let procedure = money(1...100) <= 15 ? prices[DemoBilling.procedures[money(0...(DemoBilling.procedures.count - 1))]] : nil
        let invoice = try billing.checkOut(visit: visit, settlement: settlement, procedure: procedure, discounted: money(1...100) <= 4,
                                           tenderRoll: money(1...100))
        if refundDue == nil, let invoice, procedure?.category == .procedure, settlement != .owing {
            refundDue = (invoice.id, visit.day)
        }
    }

    /// The receptionist counts her drawer at 20:00 each day of the week so far (today's is left to
    /// do at the desk); one day she is short.
    private mutating func drawerCounts(from monday: CalendarDate, to today: CalendarDate) {
        var day = monday
        while day <= today {
            let counted = day
            let short = Money(minor: day == monday.adding(days: 1) ? 2_000 : 0)
            schedule(date(day, minute: 20 * 60)) { week in try week.billing.countDrawer(on: counted, shortBy: short) }
            day = day.adding(days: 1)
        }
    }

    private mutating func schedule(_ at: Date, _ run: @escaping (inout DemoWeek) throws -> Void) {
        events.append(Event(at: at, order: events.count, run: run))
    }

    /// Runs every event that happened before now, in time order, with the clock set to its time.
    private mutating func play() throws {
        let due = events.filter { $0.at <= realNow }.sorted { ($0.at, $0.order) < ($1.at, $1.order) }
        events = []
        for event in due {
            clock.set(event.at)
            do {
                try event.run(&self)
            } catch StoreError.alreadyExists {
                continue  // a walk-in drawn twice, or an appointment while their earlier visit is open: already waiting
            } catch StoreError.transition {
                continue  // the later steps of an appointment whose check-in was refused just above
            }
        }
        clock.set(realNow)
    }

    private func change(_ id: EntityID<Appointment>, _ transition: AppointmentTransition, by author: Author) throws {
        try store.changeAppointmentStatus(id, transition, by: author)
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    private mutating func money(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &billingRandom) }

    private func date(_ day: CalendarDate, minute: Int) -> Date {
        let local = Double(day.daysSinceEpoch) * 86_400 + Double(minute) * 60
        let guess = Date(timeIntervalSince1970: local)
        return guess.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }

    static let reasons = ["Check-up", "Cough and fever", "Blood pressure review", "Vaccination", "Back pain",
                          "Diabetes review", "Skin rash", "Prenatal visit", "Headache", "Test results"]
    static let cancelReasons = ["Patient called to cancel", "Patient unwell, will rebook", "Clash with work"]
    static let prescriptions: [PrescriptionLine] = [
        PrescriptionLine(drug: "Amoxicillin", strength: "500 mg", form: "capsule", dose: "1 capsule", frequency: "three times a day",
                         durationDays: 7, quantity: "21 capsules", sig: "Take 1 capsule three times a day for 7 days"),
        PrescriptionLine(drug: "Paracetamol", strength: "500 mg", form: "tablet", dose: "2 tablets", frequency: "every 6 hours as needed",
                         durationDays: 5, quantity: "40 tablets", sig: "Take 2 tablets every 6 hours when needed; at most 8 a day"),
        PrescriptionLine(drug: "Amlodipine", strength: "5 mg", form: "tablet", dose: "1 tablet", frequency: "once a day",
                         durationDays: 30, quantity: "30 tablets", refills: 2, sig: "Take 1 tablet every morning"),
        PrescriptionLine(drug: "Metformin", strength: "500 mg", form: "tablet", dose: "1 tablet", frequency: "twice a day",
                         durationDays: 30, quantity: "60 tablets", refills: 2, sig: "Take 1 tablet twice a day with meals"),
    ]
}
