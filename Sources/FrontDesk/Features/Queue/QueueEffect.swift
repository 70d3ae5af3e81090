public import ClinicCore

/// Work the queue asks for.
public enum QueueEffect: IdentifiedEffect {
    case load(CalendarDate)
    case loadContext(User)
    case checkInWalkIn(PatientRef, User)
    case call(EntityID<Visit>, name: String, room: String, User)
    case callNext(room: String, User)
    case uncall(EntityID<Visit>, name: String, User)
    case start(EntityID<Visit>, name: String, User)
    case finish(EntityID<Visit>, name: String, VisitOutcome, User)
    case sendOn(EntityID<Visit>, name: String, VisitDestination, User)
    case setPriority(EntityID<Visit>, name: String, QueuePriority, User)
    case markLeft(EntityID<Visit>, name: String, User)
    case setDefaultRoom(String, User)

    public var id: EffectID? {
        switch self {
        case .load: "queue.day"
        case .loadContext: "queue.context"
        default: nil
        }
    }

    func run(_ client: QueueClient, log: @Sendable (String) -> Void) async -> [QueueAction] {
        do {
            switch self {
            case let .load(day):
                return [.loaded(try await client.day(day))]
            case let .loadContext(user):
                let context = try await client.context(user)
                return [.contextLoaded(me: context.me, providers: context.providers, stations: context.stations)]
            case let .checkInWalkIn(patient, user):
                try await client.checkInWalkIn(patient.id, user)
                return [.wrote("Checked in \(patient.name) as a walk-in.")]
            case let .call(id, name, room, user):
                let visit = try await client.call(id, room, user)
                return [.wrote("Called \(name) (ticket \(visit.ticket)) to \(room).")]
            case let .callNext(room, user):
                let called = try await client.callNext(room, user)
                return [.wrote("Called \(called.name) (ticket \(called.visit.ticket)) to \(room).")]
            case let .uncall(id, name, user):
                _ = try await client.uncall(id, user)
                return [.wrote("\(name) is waiting again.")]
            case let .start(id, name, user):
                _ = try await client.start(id, user)
                return [.wrote("Seeing \(name) now.")]
            case let .finish(id, name, outcome, user):
                _ = try await client.finish(id, outcome, user)
                return [.wrote("Finished the visit of \(name): \(outcome).")]
            case let .sendOn(id, name, destination, user):
                _ = try await client.sendOn(id, destination, user)
                return [.wrote("Sent \(name) on to \(destination.name).")]
            case let .setPriority(id, name, priority, user):
                _ = try await client.setPriority(id, priority, user)
                return [.wrote("\(name) is now \(priority).")]
            case let .markLeft(id, name, user):
                _ = try await client.markLeft(id, user)
                return [.wrote("\(name) left without being seen.")]
            case let .setDefaultRoom(room, user):
                try await client.setDefaultRoom(room, user)
                return [.defaultRoomSet(room.isEmpty ? nil : room)]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("queue: \(self) failed: \(error)")
            return [.failed(DeskError.from(error))]
        }
    }
}

/// The clinician's place in the clinic: their provider, and where patients can be sent on to.
public struct QueueContext: Sendable {
    public var me: Provider?
    public var providers: [Provider]
    public var stations: [Station]

    public init(me: Provider?, providers: [Provider], stations: [Station]) {
        self.me = me
        self.providers = providers
        self.stations = stations
    }
}

/// What the queue needs from the world.
public struct QueueClient: Sendable {
    public var day: @Sendable (CalendarDate) async throws -> QueueDay
    public var context: @Sendable (User) async throws -> QueueContext
    public var checkInWalkIn: @Sendable (EntityID<Patient>, User) async throws -> Void
    public var call: @Sendable (EntityID<Visit>, String, User) async throws -> Visit
    /// Calls whoever is next for the user; answers with the visit and the patient's name.
    public var callNext: @Sendable (String, User) async throws -> (visit: Visit, name: String)
    public var uncall: @Sendable (EntityID<Visit>, User) async throws -> Visit
    public var start: @Sendable (EntityID<Visit>, User) async throws -> Visit
    public var finish: @Sendable (EntityID<Visit>, VisitOutcome, User) async throws -> Visit
    public var sendOn: @Sendable (EntityID<Visit>, VisitDestination, User) async throws -> Visit
    public var setPriority: @Sendable (EntityID<Visit>, QueuePriority, User) async throws -> Visit
    public var markLeft: @Sendable (EntityID<Visit>, User) async throws -> Visit
    public var setDefaultRoom: @Sendable (String, User) async throws -> Void

    public init(
        day: @escaping @Sendable (CalendarDate) async throws -> QueueDay,
        context: @escaping @Sendable (User) async throws -> QueueContext,
        checkInWalkIn: @escaping @Sendable (EntityID<Patient>, User) async throws -> Void,
        call: @escaping @Sendable (EntityID<Visit>, String, User) async throws -> Visit,
        callNext: @escaping @Sendable (String, User) async throws -> (visit: Visit, name: String),
        uncall: @escaping @Sendable (EntityID<Visit>, User) async throws -> Visit,
        start: @escaping @Sendable (EntityID<Visit>, User) async throws -> Visit,
        finish: @escaping @Sendable (EntityID<Visit>, VisitOutcome, User) async throws -> Visit,
        sendOn: @escaping @Sendable (EntityID<Visit>, VisitDestination, User) async throws -> Visit,
        setPriority: @escaping @Sendable (EntityID<Visit>, QueuePriority, User) async throws -> Visit,
        markLeft: @escaping @Sendable (EntityID<Visit>, User) async throws -> Visit,
        setDefaultRoom: @escaping @Sendable (String, User) async throws -> Void
    ) {
        self.day = day
        self.context = context
        self.checkInWalkIn = checkInWalkIn
        self.call = call
        self.callNext = callNext
        self.uncall = uncall
        self.start = start
        self.finish = finish
        self.sendOn = sendOn
        self.setPriority = setPriority
        self.markLeft = markLeft
        self.setDefaultRoom = setDefaultRoom
    }
}
