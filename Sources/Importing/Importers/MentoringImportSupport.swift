import Foundation
import Domain

/// Columns and cell rules shared by the imports of the mentoring area (assignments,
/// interactions, deficits, route steps).
enum MentoringColumns {
    static let schoolCode = "school_code", teacherCode = "teacher_code"

    static func school() -> ColumnSpec {
        ColumnSpec(schoolCode, "Код школы", aliases: ["код образовательной организации", "школа", "school_code", "school"])
    }

    static func teacher(required: Bool = false, aliases extra: [String] = []) -> ColumnSpec {
        ColumnSpec(teacherCode, "Код педагога", aliases: ["код учителя", "педагог", "учитель"] + extra + ["teacher_code", "teacher"],
                   required: required)
    }
}

/// Reading the cells of the mentoring imports: each helper adds a Russian error for
/// its cell and returns nil when the cell is wrong.
enum MentoringCells {
    static let dateHint = "Дата — в виде дд.мм.гггг, например 01.09.2025 (или 2025-09-01)."
    static let yearHint = "Укажите год, например 2025 или 2025/2026."
    static let years = 1990...2100

    /// The cell's text; an error with `missing` when it is empty.
    static func required(_ r: inout RowReader, _ key: String, _ missing: String) -> String? {
        let t = r.text(key)
        if t.isEmpty { r.fail(key, missing); return nil }
        return t
    }

    /// A day: «дд.мм.гггг» or ISO, as `CalendarDay.parse`; a time after the day (as Excel
    /// shows date-time cells) and a trailing «г.» are ignored. Empty → nil, no error
    /// unless `missing` is given.
    static func day(_ r: inout RowReader, _ key: String, missing: String? = nil) -> CalendarDay? {
        let t = r.text(key)
        if t.isEmpty {
            if let missing { r.fail(key, missing) }
            return nil
        }
        guard let d = parseDay(t) else {
            r.fail(key, "Дата «\(t)» не распознана. \(dateHint)")
            return nil
        }
        guard years.contains(d.year) else {
            r.fail(key, "Дата «\(t)» вне допустимого диапазона (годы \(years.lowerBound)–\(years.upperBound)). Проверьте год. \(dateHint)")
            return nil
        }
        return d
    }

    static func parseDay(_ text: String) -> CalendarDay? {
        var t = text.trimmed
        for suffix in ["г.", "г"] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if let d = CalendarDay.parse(t) { return d }
        // «01.09.2025 10:30» (an Excel date-time cell) or «2025-09-01T10:30:00».
        let splitAt = t.firstIndex(where: { $0 == " " || $0 == "T" })
        guard let i = splitAt else { return nil }
        let time = t[t.index(after: i)...].trimmingCharacters(in: .whitespaces)
        guard isTime(time) else { return nil }
        return CalendarDay.parse(String(t[..<i]))
    }

    /// «10:30», «10:30:00», «10:30:00Z», «10:30:00.000+03:00».
    static func isTime(_ text: String) -> Bool {
        let core = text.prefix { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == ".") }
        let parts = core.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count <= 2, parts[1].count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.first!.isNumber }) else { return false }
        let rest = text.dropFirst(core.count)
        return rest.isEmpty || rest == "Z" || rest.first == "+" || rest.first == "-"
    }

    /// A term of a closed list by `T.parse` (Russian title, alias or English raw value).
    /// `noun` is the accusative of what the cell holds: «форму», «вид шага».
    static func term<T: TitledTerm>(_ r: inout RowReader, _ key: String, _ noun: String, required: Bool = true) -> T? {
        let t = r.text(key)
        let allowed = " Допустимые значения: " + T.allCases.map { "«\($0.title)»" }.joined(separator: ", ") + "."
        if t.isEmpty {
            if required { r.fail(key, "Укажите \(noun).\(allowed)") }
            return nil
        }
        guard let value = T.parse(t) else {
            r.fail(key, "Не удалось распознать \(noun) «\(t)».\(allowed)")
            return nil
        }
        return value
    }

    /// A year by `YearLabel.parse` («2025», «2025/2026», «2025-26») → its start.
    static func year(_ r: inout RowReader, _ key: String, missing: String) -> Int? {
        let t = r.text(key)
        if t.isEmpty { r.fail(key, "\(missing) \(yearHint)"); return nil }
        guard let y = YearLabel.parse(t) else {
            r.fail(key, "Год «\(t)» не распознан. \(yearHint)")
            return nil
        }
        return y
    }

    /// An integer in `range`; `hint` says what is expected when it is out of it.
    static func integer(_ r: inout RowReader, _ key: String, in range: ClosedRange<Int>, hint: String) -> Int? {
        let t = r.text(key)
        guard let n = r.integer(key) else { return nil }
        guard range.contains(n) else {
            r.fail(key, "Значение «\(t)» не подходит: \(hint)")
            return nil
        }
        return n
    }

    /// Text with inner runs of spaces as one (duplicate keys compare it ignoring case).
    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The key of a row for duplicate detection; nil when a part is missing.
    static func key(_ parts: String?...) -> String? {
        var out: [String] = []
        for p in parts {
            guard let p else { return nil }
            out.append(squeezed(p))
        }
        return out.joined(separator: "\u{1F}")
    }
}
