import ClinicCore
import ClinicStore
import FrontDesk

extension LiveDependencies {
    /// The providers screen over the store. Recording time off answers with the appointments it
    /// covers, read right after the write: they stay booked, listed for rebooking.
    static func providers(_ store: ClinicStore) -> ProvidersClient {
        ProvidersClient(
            roster: { first in try desk { try store.providerRoster(from: first) } },
            create: { draft, user in
                try desk {
                    try store.createProvider(displayName: draft.displayName, specialty: draft.specialty,
                                             defaultSlotMinutes: draft.defaultSlotMinutes, userID: draft.userID, by: Author(user: user))
                }
            },
            edit: { provider, user in try desk { try store.editProvider(provider, by: Author(user: user)) } },
            setHours: { provider, days, user in
                _ = try desk { try store.setWeeklySchedule(provider: provider, days: days, by: Author(user: user)) }
            },
            addException: { draft, user in
                try desk {
                    let exception = try store.addScheduleException(
                        provider: draft.providerID, kind: draft.kind, firstDay: draft.firstDay, lastDay: draft.lastDay,
                        hours: draft.hours, reason: draft.reason, by: Author(user: user))
                    return (exception, try store.appointmentsCovered(by: exception.id))
                }
            },
            withdraw: { id, reason, user in try desk { try store.withdrawScheduleException(id, reason: reason, by: Author(user: user)) } }
        )
    }
}
