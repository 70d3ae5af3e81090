public import ClinicCore
import ClinicData
public import ClinicPrint
public import ClinicStore
public import Foundation
public import FrontDesk

/// The app's dependencies over a real clinic database, built the same way by the
/// `clinicdesk` executable, the benchmarks and the app's tests. Store errors become the
/// shapes the screens treat differently (``DeskError``): validation problems go to their
/// fields, an edit conflict to its dialog, everything else to the message line.
public enum LiveDependencies {
    /// - Parameters:
    ///   - hasher: checks passwords at sign-in (Argon2id live; a cheap one in tests and benchmarks).
    ///   - dateOrder: how the clinic reads dates such as 7/3/1984 typed in the search box.
    ///   - log: where the app's log lines go (a file; never the screen).
    ///   - slips: where printed prescription slips are written (default: `slips/` beside the database).
    ///   - paper: their paper size.
    ///   - printer: the CUPS printer slips are sent to with `lp`; nil writes the PDF and says where.
    public static func make(
        store: ClinicStore, hasher: any PasswordHasher, dateOrder: DateOrder = .dayMonthYear,
        slips: URL? = nil, paper: PaperSize = .a4, printer: String? = nil, lockout: SignInLockout = .standard,
        log: @escaping @Sendable (String) -> Void
    ) throws -> Dependencies {
        let clinic = try store.clinic()
        return Dependencies(
            clinicName: clinic.name,
            now: { store.environment.clock.now() },
            timeZone: store.timeZone,
            shell: ShellClient(
                signIn: { username, password in
                    try desk {
                        try store.signIn(username: username, lockout: lockout, decoy: hasher.decoyHash) { hasher.verify(password, against: $0) }
                    }
                },
                syncStatus: { try desk { try store.syncStatus() } },
                integrity: { Self.integrity(of: store) },
                startSession: { user in try desk { try store.startSession(user: user, terminal: Self.terminalName, processID: getpid()) } },
                changeOwnPassword: { user, password in
                    if let problem = PasswordPolicy.problem(with: password, username: user.username, common: CommonPasswords.all) {
                        throw DeskError.refused(problem)
                    }
                    let hash = try hasher.hash(password)
                    _ = try desk { try store.changePassword(of: user.id, newHash: hash, by: Author(user: user)) }
                },
                endSession: { id, reason in try desk { try store.endSession(id, reason: reason) } },
                touchSession: { id in try desk { try store.touchSession(id) } },
                endedSessions: { ids in try desk { try store.endedSessions(among: ids) } }
            ),
            patients: PatientsClient(
                search: { text, limit in
                    do {
                        return try await store.searchPatients(text: text, dateOrder: dateOrder, limit: limit)
                    } catch let error as StoreError {
                        throw DeskError(error)
                    }
                },
                recent: { user, limit in try desk { try store.recentPatients(for: user.id, limit: limit) } },
                card: { id in try desk { try store.patientCard(id) } },
                duplicateCandidates: { details in try desk { try store.duplicateCandidates(for: details) } },
                register: { details, override, user in
                    try desk { try store.registerPatient(details, override: override, by: Author(user: user)) }
                },
                edit: { id, base, edited, user in
                    try desk { try store.editPatient(id, from: base, to: edited, by: Author(user: user)) }
                },
                recordUseOfExisting: { id, user in try desk { try store.recordUseOfExisting(id, by: Author(user: user)) } },
                recordAllergy: { id, entry, user in
                    _ = try desk {
                        try store.recordAllergy(patient: id, substance: entry.substance, kind: entry.kind, reaction: entry.reaction,
                                                severity: entry.severity, by: Author(user: user))
                    }
                },
                recordNoKnownAllergies: { id, user in try desk { try store.recordNoKnownAllergies(patient: id, by: Author(user: user)) } },
                recordUnableToAsk: { id, reason, user in
                    try desk { try store.recordAllergiesUnableToAsk(patient: id, reason: reason, by: Author(user: user)) }
                },
                retractAllergy: { id, reason, user in try desk { try store.retractAllergy(id, reason: reason, by: Author(user: user)) } },
                recordMedicine: { id, entry, user in
                    _ = try desk {
                        try store.recordOtherMedicine(patient: id, drug: entry.drug, strength: entry.strength, form: entry.form,
                                                      directions: entry.directions, note: entry.note, by: Author(user: user))
                    }
                },
                stopMedicine: { id, reason, user in
                    try desk { try store.stopOtherMedicine(id, reason: reason, by: Author(user: user)) }
                },
                recordRead: { id, user in try desk { try store.recordCardRead(patient: id, by: Author(user: user)) } }
            ),
            schedule: ScheduleClient(
                book: { day in try desk { try store.appointmentBook(on: day) } },
                waitlist: { try desk { try store.waitlist() } },
                week: { provider, monday in try desk { try store.providerDays(provider, from: monday, days: 7) } },
                history: { id in try desk { try store.auditEvents(table: "appointment", id: id.description, limit: 50) } },
                checkIn: { id, user in _ = try desk { try store.changeAppointmentStatus(id, .checkIn, by: Author(user: user)) } }
            ),
            booking: booking(store),
            queue: queue(store),
            consultation: consultation(store),
            prescriptions: prescriptions(store, slips: slips ?? URL(fileURLWithPath: store.path).deletingLastPathComponent()
                .appendingPathComponent("slips"), paper: paper, printer: printer),
            providers: providers(store),
            staff: staff(store, hasher: hasher),
            billing: billing(store, receipts: (slips ?? URL(fileURLWithPath: store.path).deletingLastPathComponent()
                .appendingPathComponent("slips")).deletingLastPathComponent().appendingPathComponent("receipts"),
                             paper: paper, printer: printer),
            externalChanges: {
                do {
                    return try store.dataChanges(try store.externalChanges())
                } catch {
                    log("cannot watch the database for other terminals' changes: \(error)")
                    return AsyncStream { $0.finish() }
                }
            },
            log: log
        )
    }

    static func queue(_ store: ClinicStore) -> QueueClient {
        QueueClient(
            day: { day in try desk { try store.queueDay(on: day) } },
            context: { user in
                try desk {
                    QueueContext(me: try store.providerLinked(to: user.id), providers: try store.providers(),
                                 stations: try store.stations())
                }
            },
            checkInWalkIn: { id, user in _ = try desk { try store.checkInWalkIn(patient: id, by: Author(user: user)) } },
            call: { id, room, user in try desk { try store.callPatient(id, room: room, by: Author(user: user)) } },
            callNext: { room, user in
                try desk {
                    let visit = try store.callNext(room: room, by: Author(user: user))
                    let name = try store.queue(on: visit.day).first { $0.id == visit.id }?.patientName ?? "the next patient"
                    return (visit, name)
                }
            },
            uncall: { id, user in try desk { try store.uncall(id, by: Author(user: user)) } },
            start: { id, user in try desk { try store.startConsultation(id, by: Author(user: user)) } },
            finish: { id, outcome, user in try desk { try store.finishVisit(id, outcome: outcome, by: Author(user: user)) } },
            sendOn: { id, destination, user in try desk { try store.sendOn(id, to: destination, by: Author(user: user)) } },
            setPriority: { id, priority, user in try desk { try store.setPriority(id, priority, by: Author(user: user)) } },
            markLeft: { id, user in try desk { try store.markLeft(id, by: Author(user: user)) } },
            setDefaultRoom: { room, user in try desk { try store.setDefaultRoom(room, of: user.id, by: Author(user: user)) } }
        )
    }

    static func booking(_ store: ClinicStore) -> BookingClient {
        BookingClient(
            providers: { try desk { try store.providers() } },
            lastAppointment: { patient in try desk { try store.lastAppointment(of: patient) } },
            nextFree: { provider, from, patient, limit in
                try desk { try store.nextFreeSlots(with: provider, from: from, limit: limit, for: patient) }
            },
            book: { request, user in try desk { try store.bookAppointment(request, by: Author(user: user)) } },
            bookFollowUp: { earlier, request, user in
                try desk {
                    try store.bookFollowUp(from: earlier, at: request.start, minutes: request.minutes, reason: request.reason,
                                           mode: request.mode, acceptingProblems: request.acceptingProblems,
                                           overbookReason: request.overbookReason, by: Author(user: user))
                }
            },
            move: { id, slot, reason, user in
                try desk {
                    try store.moveAppointment(id, to: slot.start, provider: slot.provider.id, minutes: slot.minutes,
                                              acceptingProblems: reason != nil, overbookReason: reason ?? "", by: Author(user: user))
                }
            },
            change: { id, transition, user in try desk { try store.changeAppointmentStatus(id, transition, by: Author(user: user)) } },
            cancelSeries: { id, reason, user in try desk { try store.cancelSeries(from: id, reason: reason, by: Author(user: user)).count } },
            checkSeries: { request, rule in try desk { try store.checkSeries(request, rule: rule) } },
            bookSeries: { request, starts, user in try desk { try store.bookSeries(request, starts: starts, by: Author(user: user)) } },
            addToWaitlist: { patient, wish, user in
                try desk {
                    try store.addToWaitlist(patient: patient, provider: wish.provider?.id, earliest: wish.earliest, latest: wish.latest,
                                            times: wish.times, note: wish.note, by: Author(user: user))
                }
            },
            withdraw: { id, reason, user in try desk { try store.withdrawFromWaitlist(id, reason: reason, by: Author(user: user)) } },
            fitting: { provider, start in try desk { try store.waitlistFitting(provider: provider, start: start) } }
        )
    }

    static func consultation(_ store: ClinicStore) -> ConsultationClient {
        ConsultationClient(
            record: { visit, user in
                try desk {
                    let notes = user.role.may(.viewClinicalNotes) ? try store.notes(of: visit, for: user.role) : []
                    return (notes, try store.triages(of: visit))
                }
            },
            recordTriage: { visit, vitals, note, priority, correcting, user in
                _ = try desk {
                    try store.recordTriage(visit: visit, vitals: vitals, note: note, priority: priority, correcting: correcting,
                                           by: Author(user: user))
                }
            },
            writeNote: { visit, content, amending, user in
                _ = try desk { try store.writeNote(visit: visit, content, amending: amending, by: Author(user: user)) }
            }
        )
    }

    /// Runs a store call, translating its error for the screens.
    static func desk<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw DeskError(error)
        }
    }
}

extension DeskError {
    /// The store's error in the shape the screens need.
    init(_ error: StoreError) {
        switch error {
        case let .invalid(failure): self = .invalid(failure)
        case let .editConflict(conflict): self = .editConflict(conflict)
        case let .bookingRefused(problems): self = .slotProblems(problems)
        case .notPermitted, .notFound, .transition, .alreadyExists, .billing: self = .refused(error.description)
        case .missingDatabase, .databaseExists, .notAClinicDatabase, .locked, .cannotOpen, .database:
            self = .failed(error.description)
        }
    }
}
