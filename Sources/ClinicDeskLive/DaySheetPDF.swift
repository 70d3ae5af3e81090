public import ClinicPrint
public import Foundation

/// A provider's day sheet as printed: the day's appointments, each patient told apart by MRN and date of birth.
public enum DaySheetPDF {
    /// - Parameter rows: time (start–end), patient, MRN, born, kind, reason, status.
    public static func content(clinic: String, provider: String, day: String, header: [String], rows: [[String]]) -> SheetContent {
        // Times, MRNs, dates and statuses must never wrap: they get the width they need, names and reasons the rest.
        let weights: [Double] = [2.6, 2.9, 2.8, 2.6, 2.2, 2.6, 2.7]
        let columns = zip(header, weights).map { TableColumn($0.0.prefix(1).uppercased() + $0.0.dropFirst(), weight: $0.1) }
        return SheetContent(
            clinicName: clinic, title: "Day sheet — \(provider) — \(day)",
            fields: [LabeledValue("Appointments", "\(rows.count)")], columns: columns, rows: rows,
            footer: "\(clinic) · \(provider) · \(day)")
    }

    public static func render(_ sheet: SheetContent, paper: PaperSize) throws(PrintError) -> Data {
        try SheetPDF.render(sheet, paper: paper)
    }
}
