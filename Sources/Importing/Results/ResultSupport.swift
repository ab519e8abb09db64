import Foundation
import Domain

/// Russian messages shared by the general and the fast (CSV byte) paths, so both
/// report the same problem in the same words.
enum ResultMessages {
    static let years = 2015...2100
    static let grades = 4...11

    static func yearRange(_ y: Int) -> String {
        "Год \(y) вне допустимого диапазона \(years.lowerBound)–\(years.upperBound). Укажите год проведения, например 2025."
    }
    static func yearUnreadable(_ text: String) -> String {
        "Год «\(text)» не распознан. Укажите год проведения четырьмя цифрами, например 2025."
    }
    static let yearMissing = "Не указан год. Укажите год проведения, например 2025 (или выберите год при загрузке)."
    static func gradeRange(_ g: Int) -> String {
        "Класс \(g) не подходит: ВПР пишут в 4–11 классах. Укажите номер параллели от 4 до 11."
    }
    static func negative(_ n: Int) -> String { "Число \(n) отрицательное. Укажите количество участников (0 или больше)." }
    static func markSum(_ sum: Int, _ participants: Int) -> String {
        "Сумма отметок \(sum) не равна числу участников \(participants). Проверьте число участников и количество «2», «3», «4», «5»."
    }
    static func percentSum(_ sum: String) -> String {
        "Сумма долей отметок \(sum) % не равна 100 % (допустимо ±0,05). Проверьте доли «2», «3», «4», «5»."
    }
    static func percentRange(_ text: String) -> String { "Доля «\(text)» должна быть от 0 до 100 %." }
    static func required(_ title: String) -> String { "Не заполнено: укажите «\(title)»." }
    static func duplicate(_ first: Int, _ what: String) -> String {
        "Строка повторяет строку \(first) (\(what)). Оставьте одну из них."
    }
    static func notMore(_ n: Int, _ participants: Int) -> String {
        "Число \(n) больше числа участников \(participants)."
    }
    static let schoolHint = "Укажите код школы, логин ФИС ОКО (edu…) или Код ОО."
    static let tooManyErrors = "Показаны первые 1000 ошибок, дальше файл не проверялся. Исправьте их и загрузите файл снова."
}

/// Reading years and school references of result files.
enum ResultValues {
    /// The exam year: «2025», «2025 г.», and a school year «2024/2025» gives the
    /// year the exams were held in (its end, 2025).
    static func examYear(_ text: String) -> Result<Int, CellError> {
        var t = text.trimmed
        for suffix in ["года", "год", "г."] where t.lowercased().hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        }
        if t.hasSuffix(".0") { t.removeLast(2) }
        var year: Int? = t.count == 4 ? Int(t) : nil
        if year == nil, t.first?.isNumber == true, t.split(whereSeparator: { "/-–".contains($0) }).count == 2,
           let start = YearLabel.parse(t) { year = start + 1 }
        guard let year else { return .failure(CellError(ResultMessages.yearUnreadable(text))) }
        guard ResultMessages.years.contains(year) else { return .failure(CellError(ResultMessages.yearRange(year))) }
        return .success(year)
    }

    /// The exam session named somewhere in a header text: «ЕГЭ-2025» → 2025, and a school
    /// year «2024-2025 учебный год» (or «2024/2025», «2024/25») → 2025, the year its exams
    /// were held in. Nil when the text names no year in range.
    static func sessionYear(in text: String) -> Int? {
        let chars = Array(text)
        var i = 0, first: Int?
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            let number = String(chars[i..<j])
            if number.count == 4, let y = Int(number), ResultMessages.years.contains(y) {
                // A school year: the next number after «-», «–», «—» or «/» is y + 1 (or its last two digits).
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                if k < chars.count, "-–—/".contains(chars[k]) {
                    k += 1
                    while k < chars.count, chars[k] == " " { k += 1 }
                    var e = k
                    while e < chars.count, chars[e].isASCII, chars[e].isNumber { e += 1 }
                    if let next = Int(String(chars[k..<e])), next == y + 1 || (e - k == 2 && next == (y + 1) % 100) { return y + 1 }
                }
                if first == nil { first = y }
            }
            i = j
        }
        return first
    }

    /// The school year by its start (2024 for «2024/2025» and for «2024»).
    static func schoolYear(_ text: String) -> Result<Int, CellError> {
        var t = text.trimmed
        if t.hasSuffix(".0") { t.removeLast(2) }
        guard let year = YearLabel.parse(t) else {
            return .failure(CellError("Учебный год «\(text)» не распознан. Укажите, например, 2024/2025 или 2024."))
        }
        guard ResultMessages.years.contains(year) else { return .failure(CellError(ResultMessages.yearRange(year))) }
        return .success(year)
    }

    /// A school reference written in a `school_code` cell: a ФИС ОКО login
    /// (`edu203389`, `sch203389`, or a label ending in «(edu203389)») gives `.login`;
    /// anything else `.code` (the app tries our code, then Код ОО). A bare 6-digit
    /// number stays a code: it may be a Код ОО.
    static func school(_ text: String) -> SchoolKey? {
        var t = text.trimmed
        if t.isEmpty { return nil }
        let lower = t.lowercased()
        if lower.hasPrefix("edu") || lower.hasPrefix("sch"), let d = FisOkoLogin.digits(t) { return .login(d) }
        if let d = FisOkoLogin.find(in: t), t.hasSuffix(")") { return .login(d) }
        if t.hasSuffix(".0"), t.dropLast(2).allSatisfy(\.isNumber) { t.removeLast(2) }
        return .code(t)
    }

    /// Short description of a key for duplicate messages.
    static func describe(_ key: SchoolKey) -> String {
        switch key {
        case .code(let c): "школа \(c)"
        case .login(let d): "школа edu\(d)"
        case .gia(let c, let msu): "Код ОО \(c)" + (msu.map { " (Код МСУ \($0))" } ?? "")
        case .label(let l): "«\(l)»"
        }
    }
}

extension RowReader {
    /// Fails with `message` on `key` and returns nil.
    mutating func failed<T>(_ key: String, _ message: String) -> T? {
        fail(key, message)
        return nil
    }

    mutating func school(_ key: String) -> SchoolKey? {
        guard let s = ResultValues.school(text(key)) else { return failed(key, ResultMessages.required(table.title(key)) + " " + ResultMessages.schoolHint) }
        return s
    }

    /// The exam year from the column, else `defaultYear`.
    mutating func examYear(_ key: String, default defaultYear: Int?) -> Int? {
        let t = text(key)
        if t.isEmpty { return defaultYear ?? failed(key, ResultMessages.yearMissing) }
        switch ResultValues.examYear(t) {
        case .success(let y): return y
        case .failure(let e): return failed(key, e.message)
        }
    }

    mutating func subject(_ key: String, exam: ResultFileKind? = nil) -> String? {
        let t = text(key)
        if t.isEmpty { return failed(key, ResultMessages.required(table.title(key))) }
        return Subjects.canonical(t, exam: exam) ?? failed(key, Subjects.unknownMessage(t))
    }

    /// A non-negative integer; `required` reports an empty cell.
    mutating func count(_ key: String, required: Bool = true) -> Int? {
        if text(key).isEmpty { return required ? failed(key, ResultMessages.required(table.title(key))) : nil }
        guard let n = integer(key) else { return nil }
        return n < 0 ? failed(key, ResultMessages.negative(n)) : n
    }

    /// A decimal in `range` as normalised text.
    mutating func decimalText(_ key: String, in range: ClosedRange<Double>, required: Bool = true, percent: Bool = false) -> FastDecimal? {
        let t = text(key)
        if t.isEmpty { return required ? failed(key, ResultMessages.required(table.title(key))) : nil }
        switch DecimalText.read(t, percent: percent) {
        case .failure(let e): return failed(key, e.message)
        case .success(let d):
            guard let d else { return nil }
            guard range.contains(d.double) else {
                return failed(key, percent ? ResultMessages.percentRange(t)
                    : "Значение «\(t)» вне допустимого диапазона \(DecimalText.format(range.lowerBound))–\(DecimalText.format(range.upperBound)).")
            }
            return d
        }
    }

    /// A ВПР grade 4–11.
    mutating func grade(_ key: String) -> Int? {
        if text(key).isEmpty { return failed(key, ResultMessages.required(table.title(key))) }
        guard let g = integer(key) else { return nil }
        return ResultMessages.grades.contains(g) ? g : failed(key, ResultMessages.gradeRange(g))
    }

    /// A mark 2–5; `nil` for an empty cell or «нет отметки».
    mutating func mark(_ key: String) -> Int? {
        let t = text(key).lowercased()
        if t.isEmpty || t.hasPrefix("нет") || t == "-" || t == "—" { return nil }
        guard let m = integer(key) else { return nil }
        return (2...5).contains(m) ? m : failed(key, "Отметка «\(text(key))» не подходит: нужна отметка от 2 до 5 (или пусто / «нет отметки»).")
    }
}
