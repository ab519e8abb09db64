import Domain
import Foundation

/// What a `Cell` becomes in the sheet XML: an inline string, or a `<v>` number
/// with the format that shows it (dates are day numbers with a date format).
enum XLSXCellValue: Equatable {
    case empty
    case text(String)
    /// A nil format is General (a value with more than 10 decimals).
    case number(String, NumberFormat?)

    init(_ cell: Cell) {
        switch cell {
        case .text(let s): self = s.isEmpty ? .empty : .text(s)
        case .number(let x, let format):
            // Excel has no NaN or infinity: such a value is not a figure to show.
            guard x.isFinite else { self = .empty; return }
            self = .number(CellText.number(x), format ?? Self.format(showing: x))
        case .date(let d):
            // Day 25569 is 1970-01-01; days before 1 March 1900 hit Excel's leap-year bug.
            let serial = (d.timeIntervalSince1970 / 86400).rounded(.down) + 25569
            guard serial >= 61, serial < 2_958_466 else { self = .text(RuFormat.date(d, timeZone: TimeZone(identifier: "UTC")!)); return }
            self = .number(String(Int(serial)), .date)
        }
    }

    /// The fixed decimals `x` is written with ("12.5" → "0.0"); General beyond 10.
    static func format(showing x: Double) -> NumberFormat? {
        let text = CellText.number(x)
        guard let point = text.firstIndex(of: ".") else { return .decimals(0) }
        let decimals = text.distance(from: point, to: text.endIndex) - 1
        return decimals <= 10 ? .decimals(decimals) : nil
    }
}
