import ClinicCore
import Foundation
import Testing

@Suite("Appointment status machine")
struct AppointmentStatusMachineTests {
    /// The lifecycle written out independently of the implementation's table.
    static let expectedLegal: Set<String> = [
        "booked→confirmed", "booked→checked-in", "booked→cancelled", "booked→no-show",
        "confirmed→checked-in", "confirmed→cancelled", "confirmed→no-show",
        "checked-in→in-consultation", "in-consultation→completed", "completed→follow-up-booked",
    ]

    @Test func acceptsExactlyTheLegalMoves() {
        for from in AppointmentStatus.allCases {
            for to in AppointmentStatus.allCases {
                let key = "\(from.rawValue)→\(to.rawValue)"
                #expect(AppointmentStatusMachine.canMove(from: from, to: to) == Self.expectedLegal.contains(key), "\(key)")
            }
        }
    }

    @Test func everyLegalMoveGoesToALaterStage() {
        for (from, targets) in AppointmentStatusMachine.legalMoves {
            for to in targets {
                #expect(AppointmentStatusMachine.stage(to) > AppointmentStatusMachine.stage(from), "\(from) → \(to)")
            }
        }
    }

    @Test func stagesAreATotalOrder() {
        let stages = AppointmentStatus.allCases.map(AppointmentStatusMachine.stage)
        #expect(Set(stages).count == AppointmentStatus.allCases.count)
        #expect(AppointmentStatusMachine.merge(.checkedIn, .cancelled) == .checkedIn)
        #expect(AppointmentStatusMachine.merge(.booked, .confirmed) == .confirmed)
        #expect(AppointmentStatusMachine.merge(.noShow, .cancelled) == .cancelled)
        for a in AppointmentStatus.allCases {
            for b in AppointmentStatus.allCases {
                #expect(AppointmentStatusMachine.merge(a, b) == AppointmentStatusMachine.merge(b, a))
            }
        }
    }

    @Test func illegalTransitionNamesBothStates() throws {
        var appointment = Self.appointment()
        appointment.status = .completed
        let error = #expect(throws: AppointmentTransitionError.self) {
            try AppointmentStatusMachine.apply(.checkIn, to: appointment)
        }
        #expect(error == .illegal(from: .completed, to: .checkedIn))
        #expect(error?.description == "An appointment that is completed cannot become checked in (waiting).")
    }

    @Test func everyTransitionFromEveryStatusEitherAppliesOrNamesBothStates() {
        let transitions: [AppointmentTransition] = [
            .confirm, .checkIn, .startConsultation, .complete, .cancel(reason: "ill"), .markNoShow,
            .bookFollowUp(EntityID(UUID())),
        ]
        for status in AppointmentStatus.allCases {
            var appointment = Self.appointment()
            appointment.status = status
            for transition in transitions {
                do {
                    let next = try AppointmentStatusMachine.apply(transition, to: appointment)
                    #expect(next.status == transition.target)
                    #expect(AppointmentStatusMachine.canMove(from: status, to: transition.target))
                } catch {
                    #expect(error == .illegal(from: status, to: transition.target))
                }
            }
        }
    }

    @Test func cancellingNeedsAReasonAndKeepsIt() throws {
        let appointment = Self.appointment()
        #expect(throws: AppointmentTransitionError.missingCancelReason) {
            try AppointmentStatusMachine.apply(.cancel(reason: "   "), to: appointment)
        }
        let cancelled = try AppointmentStatusMachine.apply(.cancel(reason: " Patient unwell "), to: appointment)
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.cancelReason == "Patient unwell")
    }

    @Test func followUpLinksTheNewAppointment() throws {
        var appointment = Self.appointment()
        appointment.status = .completed
        let followUp = EntityID<Appointment>(UUID())
        let linked = try AppointmentStatusMachine.apply(.bookFollowUp(followUp), to: appointment)
        #expect(linked.status == .followUpBooked)
        #expect(linked.followUpID == followUp)
    }

    static func appointment() -> Appointment {
        Appointment(
            id: EntityID(UUID()), patientID: EntityID(UUID()), providerID: EntityID(UUID()),
            start: LocalDateTime(date: CalendarDate(year: 2026, month: 11, day: 23)!, time: ClockTime(hour: 9, minute: 0)!),
            minutes: 15
        )
    }
}

@Suite("Permissions")
struct PermissionTests {
    @Test func matrixMatchesTheClinicsRules() {
        let expected: [Role: Set<Permission>] = [
            .admin: [.registerPatient, .editPatient, .bookAppointment, .overbook, .checkIn, .manageSchedules, .manageUsers, .resolveConflicts,
                     .enrollDevice, .readAudit, .takePayments, .addCharges, .adjustBills, .managePrices, .exportRecords, .viewReports, .mergePatients],
            .receptionist: [.registerPatient, .editPatient, .bookAppointment, .checkIn, .takePayments, .addCharges],
            .doctor: [.editPatient, .bookAppointment, .overbook, .checkIn, .callPatient, .recordAllergy, .recordMedicines, .triage,
                      .prescribe, .viewClinicalNotes, .writeClinicalNotes, .resolveConflicts, .addCharges, .viewReports],
            .nurse: [.registerPatient, .editPatient, .bookAppointment, .checkIn, .callPatient, .recordAllergy, .recordMedicines,
                     .triage, .viewClinicalNotes],
        ]
        for role in Role.allCases {
            for permission in Permission.allCases {
                #expect(role.may(permission) == expected[role]!.contains(permission), "\(role) / \(permission)")
            }
        }
    }

    @Test func onlyDoctorsPrescribeAndOnlyAdminsManageUsers() {
        #expect(Role.allCases.filter { $0.may(.prescribe) } == [.doctor])
        #expect(Role.allCases.filter { $0.may(.manageUsers) } == [.admin])
        #expect(!Role.receptionist.may(.viewClinicalNotes))
    }

    @Test func roleNamesParseInAnyCase() {
        #expect(Role(name: "Doctor") == .doctor)
        #expect(Role(name: "surgeon") == nil)
    }
}
