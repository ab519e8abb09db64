import Vapor
import Fluent
import Domain
import Importing

/// Route steps file → the steps of teachers' individual educational routes (ИОМ).
///
/// - The teacher is a registry code of the importer's municipality; the step belongs to the
///   teacher's route of the row's year, opened as a draft when there is none yet.
/// - The step's area addresses the teacher's deficit of that area and year; a step whose area
///   has no recorded deficit is written with a note.
/// - A completed route takes no new or changed steps, a cancelled step does not change, and a
///   step is not done on a day still to come (the route page's rules).
/// - Re-import updates: the same teacher, year and step text (ignoring case) is the same step —
///   its area, kind, due day, status and done day are the file's; its evidence stays.
struct RouteStepsImporter {
    typealias Key = RouteStepImport.Key
    let base: MentoringImporter

    static func title(_ key: String) -> String { MentoringImporter.title(RouteStepImport.columns, key) }

    struct Plan: Sendable {
        let row: RouteStepImportRow
        let teacher: Person
        /// The route's key; its record is `routes[key]` or a new draft.
        let routeKey: String
        let existing: RouteStepRecord?
    }

    struct Snapshot: Encodable {
        let route: UUID, title: String, kind: String, deficitArea: String?, due: String?, status: String, doneDay: String?
        init(_ s: RouteStepRecord) {
            route = s.$route.id; title = s.title; kind = s.kind; deficitArea = s.deficitArea; due = s.due; status = s.status; doneDay = s.doneDay
        }
    }

    static func routeKey(_ teacher: UUID, _ year: Int) -> String { "\(teacher)|\(year)" }
    static func stepKey(_ title: String) -> String { MentoringImporter.squeezed(title).lowercased() }

    func run(_ rows: [RouteStepImportRow]) async throws -> ImportOutcome {
        let book = try await base.codeBook(people: rows.map(\.teacherCode), schools: [String]())
        var errors: [ImportError] = []
        var resolved: [(RouteStepImportRow, Person)] = []
        for r in rows {
            if let t = base.person(r.teacherCode, book, row: r.row, column: Self.title(Key.teacherCode), role: "Педагог", errors: &errors) {
                resolved.append((r, t))
            }
        }

        let ids = Array(Set(resolved.map { $0.1.id! }))
        var routeRows: [RouteRecord] = [], deficitRows: [DeficitRecord] = []
        for start in stride(from: 0, to: ids.count, by: 900) {
            let chunk = Array(ids[start..<min(ids.count, start + 900)])
            routeRows += try await RouteRecord.query(on: base.db).filter(\.$teacher.$id ~~ chunk).allWithSteps()
            deficitRows += try await DeficitRecord.query(on: base.db).filter(\.$teacher.$id ~~ chunk).filter(\.$hasDeficit == true).all()
        }
        let routes = Dictionary(routeRows.map { (Self.routeKey($0.$teacher.id, $0.year), $0) }, uniquingKeysWith: { a, _ in a })
        let deficits = Set(deficitRows.map { "\(Self.routeKey($0.$teacher.id, $0.year))|\($0.area)" })

        var seen: [String: Int] = [:]
        var plans: [Plan] = []
        var notes: [String] = []
        for (r, t) in resolved {
            let rk = Self.routeKey(t.id!, r.year)
            let route = routes[rk]
            let existing = route?.steps.first { Self.stepKey($0.title) == Self.stepKey(r.step) }
            let k = rk + "|" + Self.stepKey(r.step)
            if let first = seen[k] {
                errors.append(.init(row: r.row, column: Self.title(Key.step),
                                    message: "Такой шаг маршрута этого педагога за тот же год уже есть в строке \(first). Удалите повторяющуюся строку или уточните формулировку шага."))
                continue
            }
            seen[k] = r.row
            if let done = r.doneDate, done > base.today {
                errors.append(.init(row: r.row, column: Self.title(Key.doneDate),
                                    message: "Дата выполнения \(done.ru) ещё не наступила. Исправьте дату или поставьте другой статус."))
                continue
            }
            if let existing, existing.stepStatus == .cancelled, r.status != .cancelled {
                errors.append(.init(row: r.row, column: Self.title(Key.status),
                                    message: "Шаг «\(existing.title)» отменён: отменённый шаг изменить нельзя. Добавьте новый шаг с другой формулировкой."))
                continue
            }
            if let route, route.routeState == .completed, existing.map({ !Self.same($0, r) }) ?? true {
                errors.append(.init(row: r.row, column: Self.title(Key.year),
                                    message: "Маршрут педагога «\(t.staffCode)» на \(YearLabel.schoolYear(r.year)) завершён: шаги в него не добавляются и не меняются."))
                continue
            }
            if let area = r.deficitArea, !deficits.contains("\(rk)|\(area.rawValue)") {
                notes.append("Строка \(r.row): у педагога «\(t.staffCode)» нет выявленного дефицита в области «\(area.title)» за \(YearLabel.schoolYear(r.year)) — шаг записан, но дефицит, который он восполняет, ещё не внесён.")
            }
            plans.append(Plan(row: r, teacher: t, routeKey: rk, existing: existing))
        }
        guard errors.isEmpty else { return MentoringImporter.failed(errors) }

        let frozen = plans
        let known = routes
        let mid = base.municipalityID
        var outcome = try await base.write(rows: frozen.count, keys: [.support(mid)]) { db, audit in
            var outcome = ImportOutcome()
            var newRoutes: [String: RouteRecord] = [:]
            var created: [RouteStepRecord] = []
            for p in frozen {
                var route = known[p.routeKey] ?? newRoutes[p.routeKey]
                if route == nil {
                    let r = RouteRecord()
                    r.id = UUID(); r.municipalityID = p.teacher.$municipality.id; r.$teacher.id = p.teacher.id!; r.year = p.row.year
                    r.state = RouteState.draft.rawValue; r.reviewNote = ""
                    try await r.create(on: db)
                    audit.add(.create, entity: "route", id: r.id, label: "ИОМ \(p.teacher.fullName), \(YearLabel.schoolYear(p.row.year)): черновик",
                              municipalityID: r.municipalityID, before: nil, after: ["state": r.state])
                    newRoutes[p.routeKey] = r
                    route = r
                }
                let s = p.existing ?? RouteStepRecord()
                let before = p.existing.map(Snapshot.init)
                if p.existing == nil {
                    s.id = UUID(); s.$route.id = route!.id!; s.evidence = ""; s.cancelReason = ""
                }
                if p.row.status == .cancelled, s.cancelReason.isEmpty { s.cancelReason = "Отменён при загрузке файла." }
                s.title = String(p.row.step.prefix(500)); s.kind = p.row.kind.rawValue; s.deficitArea = p.row.deficitArea?.rawValue
                s.due = p.row.due?.iso; s.status = p.row.status.rawValue; s.doneDay = p.row.status == .done ? p.row.doneDate?.iso : nil
                if p.existing != nil {
                    try await s.update(on: db)
                    outcome.updated += 1
                } else {
                    created.append(s)
                    outcome.created += 1
                }
                audit.add(p.existing == nil ? .create : .update, entity: "route_step", id: s.id,
                          label: "\(p.teacher.fullName), \(YearLabel.schoolYear(p.row.year)): \(s.title) — \(p.row.status.title)",
                          municipalityID: p.teacher.$municipality.id, before: before, after: Snapshot(s))
            }
            try await ImportRows.createInBatches(created, on: db)
            return outcome
        }
        outcome.notes = notes
        return outcome
    }

    /// The row says what the step already is (a completed route's unchanged step is no change).
    static func same(_ s: RouteStepRecord, _ r: RouteStepImportRow) -> Bool {
        s.title == r.step && s.kind == r.kind.rawValue && s.deficitArea == r.deficitArea?.rawValue && s.due == r.due?.iso
            && s.status == r.status.rawValue && s.doneDay == (r.status == .done ? r.doneDate?.iso : nil)
    }
}
