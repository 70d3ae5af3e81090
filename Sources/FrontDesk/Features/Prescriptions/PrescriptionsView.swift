import ClinicCore
public import TerminalKit

/// The prescriptions of the patient the user is looking at, named with their MRN in the title.
public enum PrescriptionsView {
    public static func render(_ state: PrescriptionsState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let block = Block(title: title(state.patient, width: area.width - 4), isFocused: context.isFocused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        let columns = [TableColumn("Signed", width: .length(10)), TableColumn("Medicines", width: .fill(1)),
                       TableColumn("Code", width: .length(9))]
        let texts = ListBehaviour.rowTexts(state.list, count: state.prescriptions.count) { PrescriptionsFeature.searchTexts(state.prescriptions) }
        let rows = zip(state.prescriptions, texts).map { prescription, text in
            TableRow([
                TableCell(String(ISOInstant.format(prescription.signedAt).prefix(10))),
                TableCell(PrescriptionsFeature.medicines(prescription), scope: "rx.item"),
                TableCell(prescription.verificationCode),
            ], searchText: text)
        }
        var list = state.list
        let empty: String = switch (state.patient, state.isLoaded) {
        case (nil, _): "Select a patient to see their prescriptions"
        case let (patient?, false): "Loading \(patient.name)'s prescriptions…"
        case let (patient?, true): "No prescriptions for \(patient.name)"
        }
        buffer.render(Table(columns: columns, rows: rows, isFocused: context.isFocused, emptyText: empty), in: inner, state: &list)
    }

    /// `Prescriptions — García, José · RVC-000002`; when narrow, `Rx — …`, and the name is cut
    /// before the MRN is: the MRN is what tells two patients of one name apart.
    static func title(_ patient: PatientRef?, width: Int) -> String {
        guard let patient else { return "Prescriptions" }
        for label in ["Prescriptions — ", "Rx — "] where (label + patient.title).displayWidth <= width {
            return label + patient.title
        }
        let room = width - "Rx — ".displayWidth - " · \(patient.mrn)".displayWidth
        guard room >= 4 else { return "Rx — \(patient.mrn)" }
        return "Rx — " + TextWidth.truncate(patient.name, toWidth: room) + " · \(patient.mrn)"
    }
}
