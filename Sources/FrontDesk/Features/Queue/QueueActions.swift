import ClinicCore
import Foundation
import TerminalKit

/// The queue's actions on a visit, and its dialogs (room, send on, outcome, priority).
enum QueueActions {
    typealias Outcome = QueueFeature.Outcome

    static func reduce(_ state: inout QueueState, _ action: QueueAction, _ context: QueueFeature.Context) -> Outcome {
        let session = context.session
        guard let user = session.user else { return .none }
        let entry = QueueFeature.selected(state, session)
        let name = entry?.patientName ?? ""
        switch action {
        case .callNext:
            if let room = user.defaultRoom { return .effects(.callNext(room: room, user)) }
            return .modal(.push(.room(.callNext, roomDialog("Call the next patient", room: nil))))
        case .callSelected:
            guard let entry else { return .none }
            return .modal(.push(.room(.call(entry.visit.id, name: name),
                                      roomDialog("Call \(name) (ticket \(entry.visit.ticket))", room: user.defaultRoom))))
        case .uncall:
            guard let entry else { return .none }
            return .effects(.uncall(entry.visit.id, name: name, user))
        case .start:
            guard let entry else { return .none }
            return .effects(.start(entry.visit.id, name: name, user))
        case .finish:
            guard let entry else { return .none }
            let options = VisitOutcome.allCases.map { ChoiceDialog.Option($0.description.capitalizedFirst, detail: detail($0)) }
            return .modal(.push(.choice(.finish(entry.visit.id, name: name),
                                        ChoiceDialog(title: "Finish the visit", message: "How did the visit of \(name) end?",
                                                     options: options))))
        case .sendOn:
            guard let entry else { return .none }
            let destinations = destinations(from: entry, state)
            guard !destinations.isEmpty else { return .refusal("There is nowhere else to send \(name): no other provider or station.") }
            let options = destinations.map { destination -> ChoiceDialog.Option in
                switch destination {
                case let .provider(_, name): ChoiceDialog.Option(name, detail: "provider")
                case let .station(name): ChoiceDialog.Option(name, detail: state.stations.first { $0.name == name }?.kind.description ?? "station")
                }
            }
            return .modal(.push(.choice(.sendOn(entry.visit.id, name: name, destinations: destinations),
                                        ChoiceDialog(title: "Send on", message: "Where does \(name) wait next? (now: \(QueueFeature.place(entry)))",
                                                     options: options))))
        case .setPriority:
            guard let entry else { return .none }
            let options = QueuePriority.allCases.map { ChoiceDialog.Option("\($0.mark.isEmpty ? "" : $0.mark + " ")\($0)", detail: detail($0)) }
            return .modal(.push(.choice(.priority(entry.visit.id, name: name),
                                        ChoiceDialog(title: "Priority", message: "How urgently should \(name) be seen?", options: options,
                                                     selected: QueuePriority.allCases.firstIndex(of: entry.visit.priority) ?? 0))))
        case .markLeft:
            guard let entry else { return .none }
            return .modal(.confirm(Confirmation(
                title: "Left without being seen?", message: "Record that \(name) (ticket \(entry.visit.ticket)) left before being seen?",
                yes: .leftConfirmed(entry.visit.id, name: name), yesLabel: "Left", noLabel: "Keep waiting")))
        case let .leftConfirmed(id, name):
            return .effects(.markLeft(id, name: name, user))
        case .setDefaultRoom:
            return .modal(.push(.room(.setDefault, roomDialog("Your default room", room: user.defaultRoom,
                                                               intro: "“Call next” calls patients here. Leave it empty to be asked each time."))))
        case .triage:
            return entry.map { .delegate(.triage(QueueFeature.visitRef($0))) } ?? .none
        case .writeNote:
            return entry.map { .delegate(.writeNote(QueueFeature.visitRef($0))) } ?? .none
        case .viewNotes:
            return entry.map { .delegate(.viewNotes(QueueFeature.visitRef($0))) } ?? .none
        case .bill:
            return entry.map { .delegate(.bill(QueueFeature.visitRef($0))) } ?? .none
        case let .roomTyped(edit):
            guard case .room(let purpose, var dialog) = context.modal else { return .none }
            dialog.apply(edit)
            return .modal(.replace(.room(purpose, dialog)))
        case let .roomForm(command):
            guard case .room(let purpose, var dialog) = context.modal else { return .none }
            return roomForm(command, purpose, &dialog, user)
        case let .choiceMoved(move):
            guard case .choice(let purpose, var dialog) = context.modal else { return .none }
            dialog.move(move)
            return .modal(.replace(.choice(purpose, dialog)))
        case let .choiceAnswered(answer):
            guard case let .choice(purpose, dialog) = context.modal else { return .none }
            return choice(answer, purpose, dialog, user)
        default:
            return .none
        }
    }

    static func roomDialog(_ title: String, room: String?, intro: String? = nil) -> FormDialog {
        FormDialog(title: title, intro: intro, fields: [FormField("Room", placeholder: "e.g. Room 3")], values: [room ?? ""])
    }

    private static func roomForm(_ command: FormCommand, _ purpose: RoomPurpose, _ dialog: inout FormDialog, _ user: User) -> Outcome {
        switch command {
        case .previousField:
            return .none
        case .cancel:
            return .modal(.pop)
        case .save, .nextField:  // one field: Enter saves
            let room = dialog.text(0).trimmingCharacters(in: .whitespaces)
            switch purpose {
            case .setDefault:
                return Outcome(effects: [.setDefaultRoom(room, user)], modals: [.pop])
            case .callNext, .call:
                guard !room.isEmpty else {
                    dialog.show([0: "Say which room, e.g. “Room 3”."])
                    return .modal(.replace(.room(purpose, dialog)))
                }
                let effect: QueueEffect = if case let .call(id, name) = purpose {
                    .call(id, name: name, room: room, user)
                } else {
                    .callNext(room: room, user)
                }
                return Outcome(effects: [effect], modals: [.pop])
            }
        }
    }

    private static func choice(_ answer: DialogCommand, _ purpose: ChoicePurpose, _ dialog: ChoiceDialog, _ user: User) -> Outcome {
        switch answer {
        case .cancel:
            return .modal(.pop)
        case .switchButton:
            var moved = dialog
            moved.move(ListMove(.next))
            return .modal(.replace(.choice(purpose, moved)))
        case .confirm, .yes:
            guard let index = dialog.selected else { return .none }
            let effect: QueueEffect = switch purpose {
            case let .sendOn(id, name, destinations): .sendOn(id, name: name, destinations[index], user)
            case let .finish(id, name): .finish(id, name: name, VisitOutcome.allCases[index], user)
            case let .priority(id, name): .setPriority(id, name: name, QueuePriority.allCases[index], user)
            }
            return Outcome(effects: [effect], modals: [.pop])
        }
    }

    /// Every other provider and every station, the current place left out.
    static func destinations(from entry: QueueEntry, _ state: QueueState) -> [VisitDestination] {
        let providers = state.providers.filter { entry.visit.station != nil || $0.id != entry.visit.providerID }
            .map { VisitDestination.provider($0.id, name: $0.displayName) }
        let stations = state.stations.filter { $0.name != entry.visit.station }.map { VisitDestination.station($0.name) }
        return providers + stations
    }

    private static func detail(_ outcome: VisitOutcome) -> String {
        switch outcome {
        case .done: "seen, nothing more needed here"
        case .referred: "sent to a specialist or another service"
        case .admittedElsewhere: "sent to hospital"
        }
    }

    private static func detail(_ priority: QueuePriority) -> String {
        switch priority {
        case .normal: "in arrival order"
        case .urgent: "before everyone normal"
        case .emergency: "before everyone"
        }
    }
}

extension String {
    /// `Admitted elsewhere` from `admitted elsewhere`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
