/// Which price-list entry a visit's consultation is charged at: `CONS-NEW`, `CONS-FOLLOW` or
/// `CONS-WALKIN` by the appointment's kind, else the clinic's first consultation entry.
public enum ConsultationFee {
    public static func code(for kind: AppointmentKind) -> String {
        switch kind {
        case .new: "CONS-NEW"
        case .followUp: "CONS-FOLLOW"
        case .walkIn: "CONS-WALKIN"
        }
    }

    public static func item(for kind: AppointmentKind, among items: [PriceItem]) -> PriceItem? {
        let consultations = items.filter { $0.category == .consultation && $0.isActive }
        return consultations.first { $0.code == code(for: kind) } ?? consultations.first
    }
}
