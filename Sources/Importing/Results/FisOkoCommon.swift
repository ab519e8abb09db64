import Foundation
import Domain

/// What the header block of a ФИС ОКО report says about the work.
struct FisOkoInfo: Equatable {
    var subjectText: String?
    var subject: String?
    var grade: Int?
    var year: Int?
}

/// The parts of one sheet's parse, combined all-or-nothing by `ResultImport`.
struct SheetParse<Row> {
    var rows: [Row] = []
    var references: [RegionReference] = []
    var notes: [String] = []
    var errors: [ImportError] = []
}

/// Shared reading of ФИС ОКО report sheets: header block, header row, row labels.
enum FisOko {
    /// Normalised cell text for matching headers.
    static func norm(_ s: String) -> String { HeaderText.normalize(s) }

    /// The first row (0-based, among the first 60) with a cell starting with one of `starts`.
    static func headerRow(_ rows: [[String]], _ starts: [String]) -> Int? {
        rows.prefix(60).firstIndex { $0.contains { c in let n = norm(c); return starts.contains { n.hasPrefix($0) } } }
    }

    /// Reads subject, grade and year from the lines above `header` and the sheet name.
    static func info(_ rows: [[String]], header: Int, sheetName: String, defaultYear: Int?) -> FisOkoInfo {
        var info = FisOkoInfo()
        var subjectField: String?
        for cells in rows.prefix(header) {
            let texts = cells.map { $0.trimmed }
            for (i, t) in texts.enumerated() where !t.isEmpty {
                let n = norm(t)
                let next = texts.dropFirst(i + 1).first { !$0.isEmpty }
                if n.hasPrefix("впр") { readTitle(t, into: &info) }
                if n == "предмет", let next { subjectField = next }
                if n == "дата", let next, info.year == nil { info.year = dateYear(next) }
            }
        }
        if info.subject == nil, let subjectField {
            info.subjectText = subjectField
            info.subject = Subjects.canonical(subjectField)
        }
        let sheetTokens = sheetName.split(separator: " ").map(String.init)
        if info.subject == nil, let abbr = sheetTokens.first, let code = Subjects.canonical(abbr) {
            info.subject = code
            info.subjectText = info.subjectText ?? abbr
        }
        if info.grade == nil, sheetTokens.count > 1, let g = Int(sheetTokens[1]), ResultMessages.grades.contains(g) { info.grade = g }
        if info.year == nil { info.year = defaultYear }
        return info
    }

    /// «ВПР 2026 Русский язык 4 класс» → year, subject, grade.
    static func readTitle(_ text: String, into info: inout FisOkoInfo) {
        let kept: [Character] = text.map { c -> Character in c.isLetter || c.isNumber || c == "(" || c == ")" || c == "-" ? c : " " }
        let tokens = String(kept).split(separator: " ").map(String.init)
        guard tokens.count >= 3, let y = Int(tokens[1]), ResultMessages.years.contains(y) else { return }
        var subjectTokens = Array(tokens.dropFirst(2))
        if let k = subjectTokens.lastIndex(where: { $0.lowercased().hasPrefix("класс") }), k > 0, let g = Int(subjectTokens[k - 1]) {
            info.grade = g
            subjectTokens.removeSubrange((k - 1)...)
        }
        info.year = y
        let subject = subjectTokens.joined(separator: " ")
        if !subject.isEmpty { info.subjectText = subject; info.subject = Subjects.canonical(subject) }
    }

    /// «20.04.2026» (or an ISO date) → 2026.
    static func dateYear(_ text: String) -> Int? {
        let parts = text.split(whereSeparator: { !$0.isNumber })
        return parts.compactMap { $0.count == 4 ? Int($0) : nil }.first { ResultMessages.years.contains($0) }
    }

    /// File-level errors for a sheet whose header block lacks the work's identity.
    static func missingInfo(_ info: FisOkoInfo, sheet: String) -> [ImportError] {
        var out: [ImportError] = []
        let place = "в шапке листа «\(sheet)» (строка вида «ВПР 2026 Русский язык 4 класс») и в названии листа"
        if info.subject == nil {
            out.append(.file(info.subjectText.map { Subjects.unknownMessage($0) + " (лист «\(sheet)»)" }
                ?? "Не удалось определить предмет: его нет \(place). Не переименовывайте листы отчёта ФИС ОКО."))
        }
        if info.grade == nil { out.append(.file("Не удалось определить класс: его нет \(place).")) }
        if info.year == nil { out.append(.file("Не удалось определить год: в шапке листа «\(sheet)» нет ни строки «ВПР 2026 …», ни «Дата:». Выберите год при загрузке.")) }
        return out
    }

    enum RowKind: Equatable { case wholeSample, region, municipality, total, school(SchoolKey) }

    /// Tells what a row label is. `seenDetail` says whether a municipality or
    /// school row came before (the region row comes right after «Вся выборка»).
    static func classify(_ label: String, seenDetail: Bool) -> RowKind {
        let n = norm(label)
        if n.hasPrefix("вся выборка") { return .wholeSample }
        if let login = FisOkoLogin.find(in: label) { return .school(.login(login)) }
        if let open = n.lastIndex(of: "("), n[open...].hasPrefix("(reg") {
            return n[open...].contains("_m") ? .municipality : .region
        }
        let totals = ["всего", "итого", "средние", "среднее", "в среднем"]
        if totals.contains(where: { n.hasPrefix($0) }) { return .total }
        return seenDetail ? .school(.label(label.trimmed)) : .region
    }

    /// Prefixes the sheet name to messages when a workbook has several sheets.
    static func tag(_ errors: [ImportError], sheet: String, multiple: Bool) -> [ImportError] {
        guard multiple else { return errors }
        return errors.map { ImportError(row: $0.row, column: $0.column, message: "Лист «\(sheet)»: " + $0.message) }
    }

    /// A cell of `row`, trimmed, "" beyond its end.
    static func cell(_ row: [String], _ col: Int?) -> String {
        guard let col, col < row.count else { return "" }
        return row[col].trimmed
    }
}
