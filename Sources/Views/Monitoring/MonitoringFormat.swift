import Plot
import Domain

/// Small shared pieces of the monitoring pages: state badges, signed values, cell notes.
enum MonFormat {
    static func signed(_ r: Rational, _ places: Int) -> String { (r.signum > 0 ? "+" : "") + r.ru(places) }

    static func state(_ s: CellState) -> Node<HTML.BodyContext> {
        switch s {
        case .negative: Components.badge(s.title, .danger)
        case .noChange: Components.badge(s.title, .warning)
        case .positive: Components.badge(s.title, .success)
        case .noData: Components.badge(s.title, .neutral)
        case .excluded: Components.badge(s.title, .objectivity)
        }
    }

    static func subject(_ code: String) -> String { MonitoringSubject.title(code) }

    static func share(_ side: VPRSide?, mark: Int) -> String {
        guard let side, let s = side.share(mark) else { return "нет данных" }
        return "\(s.ru(1)) % (n = \(side.participants))"
    }

    static func line(_ text: String) -> Node<HTML.BodyContext> { .div(.class("cell-note"), .safe(text)) }

    static func indicator1(_ c: Indicator1Cell) -> Node<HTML.BodyContext> {
        var notes: [Node<HTML.BodyContext>] = []
        if let p = c.previous, let q = c.current {
            notes.append(line("r: \(p.ratio?.ru(3) ?? "—") → \(q.ratio?.ru(3) ?? "—")"))
            notes.append(line("ср.: \(p.average.ru(1)) (n = \(p.participants)) → \(q.average.ru(1)) (n = \(q.participants))"))
        } else if c.previous == nil && c.current == nil {
            notes.append(line("нет результатов ЕГЭ"))
        } else {
            notes.append(line(c.previous == nil ? "нет результатов за прошлый год" : "нет результатов за этот год"))
        }
        if c.smallGroup { notes.append(line("мало участников")) }
        return .div(.class("cell-value"),
                    .strong(.class("value-\(c.state.rawValue.replacingOccurrences(of: " ", with: "-"))"), .safe(c.d.map { "D = " + signed($0, 3) } ?? "D = —")),
                    .safe(" "), state(c.state), .group(notes))
    }

    static func indicator2(_ c: Indicator2Cell, reading: Indicator2Reading) -> Node<HTML.BodyContext> {
        let head = "\(subject(c.subject)), \(c.grade) кл." + (c.previousGrade != c.grade ? " (в прошлом году \(c.previousGrade) кл.)" : "")
        var notes: [Node<HTML.BodyContext>] = [line("доля «2»: \(share(c.previous, mark: 2)) → \(share(c.current, mark: 2))")]
        if c.source == .percentages || c.source == .mixed { notes.append(line("число отметок восстановлено из процентов ФИС ОКО")) }
        if c.smallGroup { notes.append(line("мало участников")) }
        if reading != .twoGrows, let d = c.deltas {
            notes.append(line("Δ(3) = \(signed(d[1], 1)), Δ(4) = \(signed(d[2], 1)), Δ(5) = \(signed(d[3], 1))"))
        }
        return .div(.class("cell-value"), .div(.safe(head)),
                    .strong(.safe(c.delta(2).map { "Δ(2) = " + signed($0, 3) + " п.п." } ?? "Δ(2) = —")), .safe(" "), state(c.state), .group(notes))
    }
}
