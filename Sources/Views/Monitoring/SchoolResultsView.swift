import Plot
import Domain

/// A school's results: charts over all imported years and the indicators of year Y spelled out.
public enum SchoolResultsView {
    public struct Model: Sendable {
        public var year: Int
        public var egeCharts: [(title: String, series: [Charts.Series])]
        public var vprCharts: [(title: String, bars: [Charts.Bar])]
        public var result: SchoolResult?
        public var notes: [String]
        public var years: [Option]
        public var schoolID: String
        /// ОГЭ by subject and year (stored for trends and the federal risk flag).
        public var oge: [OGERow] = []
        public var federalRiskShare = 30
        public var federalRiskProcedures = 2
        public init(year: Int, egeCharts: [(title: String, series: [Charts.Series])], vprCharts: [(title: String, bars: [Charts.Bar])],
                    result: SchoolResult?, notes: [String], years: [Option], schoolID: String) {
            self.year = year; self.egeCharts = egeCharts; self.vprCharts = vprCharts; self.result = result; self.notes = notes
            self.years = years; self.schoolID = schoolID
        }
    }

    public struct OGERow: Sendable {
        public var subject: String, year: Int, participants: Int, averageMark: String?, averageScore: String?
        /// Share of «2» in %, with how it was obtained (from the count, or as published).
        public var belowShare: Rational?, belowHow: String
        public init(subject: String, year: Int, participants: Int, averageMark: String?, averageScore: String?, belowShare: Rational?, belowHow: String) {
            self.subject = subject; self.year = year; self.participants = participants; self.averageMark = averageMark; self.averageScore = averageScore
            self.belowShare = belowShare; self.belowHow = belowHow
        }
    }

    static func ogeTable(_ rows: [OGERow], threshold: Int, procedures: Int) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else {
            return Components.emptyState("Результаты ОГЭ не загружены — загрузите протокол или сводку РЦОИ.", action: (title: "Загрузить", url: SiteURL.monitoring(.imports).path))
        }
        return .group(
            .p(.class("muted"), .safe("Доля «2» ≥ \(threshold) % в \(procedures) и более процедурах одного года или в одной процедуре два года подряд отмечает школу как «группа риска» (приказ Рособрнадзора № 1336; пороги — настройка мониторинга).")),
            Components.table([Column("Предмет"), Column("Год", numeric: true), Column("Участников", numeric: true), Column("Средняя отметка", numeric: true),
                              Column("Средний балл", numeric: true), Column("Доля «2», %", numeric: true), Column("Как получена доля")],
                             rows: rows.map { r in
                                 [.safe(MonFormat.subject(r.subject)), .safe(String(r.year)), .safe(String(r.participants)),
                                  .safe(r.averageMark.map { $0.replacingOccurrences(of: ".", with: ",") } ?? "—"),
                                  .safe(r.averageScore.map { $0.replacingOccurrences(of: ".", with: ",") } ?? "—"),
                                  r.belowShare.map { s in s >= Rational(threshold) ? .strong(.safe(s.ru(1))) : .safe(s.ru(1)) } ?? .safe("—"),
                                  .safe(r.belowHow)]
                             }, empty: .empty))
    }

    public static func body(_ m: Model) -> Node<HTML.BodyContext> {
        .group(
            Form.filters(path: SiteURL.schoolResults(m.schoolID).path, Form.select("year", "Мониторинг года", options: m.years, selected: String(m.year), errors: [])),
            Components.section("Показатели мониторинга \(m.year) года (Концепция, п. 6.3)", indicators(m)),
            Components.section("ЕГЭ: средний балл школы и эталон", m.egeCharts.isEmpty
                ? Components.emptyState("Результаты ЕГЭ не загружены.", action: (title: "Загрузить", url: SiteURL.monitoring(.imports).path))
                : .div(.class("chart-grid"), .group(m.egeCharts.map { Charts.lines(title: $0.title, yLabel: "Средний тестовый балл", series: $0.series) }))),
            Components.section("ВПР: распределение отметок", m.vprCharts.isEmpty
                ? Components.emptyState("Результаты ВПР ещё не загружены — загрузите файл ФИС ОКО.", action: (title: "Загрузить", url: SiteURL.monitoring(.imports).path))
                : .div(.class("chart-grid"), .group(m.vprCharts.map { Charts.stackedBars(title: $0.title, bars: $0.bars) }))),
            Components.section("ОГЭ: по предметам и годам", ogeTable(m.oge, threshold: m.federalRiskShare, procedures: m.federalRiskProcedures))
        )
    }

    static func indicators(_ m: Model) -> Node<HTML.BodyContext> {
        guard let r = m.result else { return Components.emptyState("Нет данных для расчёта.") }
        let y = m.year
        var items: [Node<HTML.BodyContext>] = r.indicator1.map { c in
            var lines: [String] = []
            for side in [c.previous, c.current].compactMap({ $0 }) {
                let ref = side.reference.map { $0.ru(2) } ?? "—"
                lines.append("r(\(side.year)) = \(side.average.ru(2)) / \(ref) = \(side.ratio?.ru(3) ?? "—")   (участников: \(side.participants)\(side.excluded ? ", результат исключён" : ""))")
            }
            if let d = c.d, let p = c.previous?.ratio, let q = c.current?.ratio {
                lines.append("D = r(\(y)) − r(\(y - 1)) = \(q.ru(3)) − \(p.ru(3)) = \(MonFormat.signed(d, 3))")
            }
            return formula("Показатель 1, ЕГЭ, \(MonFormat.subject(c.subject))", c.state, lines, note: "эталон: \(c.source.title)")
        }
        items += r.indicator2.map { c in
            var lines: [String] = []
            for side in [c.previous, c.current].compactMap({ $0 }) {
                let shares = (2...5).map { "«\($0)» \(side.share($0)?.ru(3) ?? "—")" }.joined(separator: ", ")
                let k: String
                if case .counts(let counts) = side.marks { k = " — из \(side.participants): " + counts.map(String.init).joined(separator: " / ") }
                else { k = " — проценты ФИС ОКО, участников \(side.participants)" }
                lines.append("\(side.year), \(side.grade) класс: \(shares) %\(k)")
            }
            if let d = c.deltas { lines.append("Δ = доля(\(y)) − доля(\(y - 1)): «2» \(MonFormat.signed(d[0], 3)), «3» \(MonFormat.signed(d[1], 3)), «4» \(MonFormat.signed(d[2], 3)), «5» \(MonFormat.signed(d[3], 3)) п.п.") }
            if !c.sharpChanges.isEmpty { lines.append("Резкое изменение: " + c.sharpChanges.map { "«\($0.mark)» \(MonFormat.signed($0.delta, 1))" }.joined(separator: ", ")) }
            return formula("Показатель 2, ВПР, \(MonFormat.subject(c.subject)), \(c.grade) класс", c.state, lines, note: c.smallGroup ? "мало участников" : nil)
        }
        items += r.exclusions.map { .div(.class("alert alert-warning"), .safe("Исключено: " + $0.reason)) }
        if r.federalRisk.isAtRisk { items.append(.div(.class("alert alert-error"), .safe(r.federalRisk.reason))) }
        return .group(.ul(.class("method-notes"), .forEach(m.notes) { .li(.safe($0)) }), .div(.class("formula-list"), .group(items)))
    }

    static func formula(_ title: String, _ state: CellState, _ lines: [String], note: String?) -> Node<HTML.BodyContext> {
        .div(.class("formula"),
             .div(.class("formula-head"), .strong(.safe(title)), .safe(" "), MonFormat.state(state), note.map { .span(.class("muted"), .safe(" · " + $0)) } ?? .empty),
             .pre(.class("formula-body"), .safe(lines.isEmpty ? "нет данных за оба года" : lines.joined(separator: "\n"))))
    }
}
