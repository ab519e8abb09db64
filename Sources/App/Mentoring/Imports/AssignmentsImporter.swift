import Vapor
import Fluent
import Domain
import Importing

/// Assignments file → assignments: a mentor or curator to a school, a tutor to a teacher.
///
/// - The person, the school and the teacher are registry codes of the importer's municipality.
/// - A tutor's school, when given, is the teacher's school.
/// - Re-import updates: a row is the existing assignment of the same kind, person, school
///   (teacher) and start day — the start is `from`, or the order's date when `from` is empty,
///   as on the center's form. Another assignment of the same pair whose days overlap the row's
///   is refused (the pair is assigned already; end it first), as is a second row of the same one.
/// - Over capacity is flagged, not refused: the note names the person, the load on the row's
///   start (or today) — the file's own earlier rows counted — and the capacity, and the
///   assignment gets `overCapacity`.
struct AssignmentsImporter {
    typealias Key = AssignmentImport.Key
    let base: MentoringImporter

    static func title(_ key: String) -> String { MentoringImporter.title(AssignmentImport.columns, key) }

    struct Plan: Sendable {
        let row: AssignmentImportRow
        let person: Person
        let school: School?
        let teacher: Person?
        let existing: Assignment?
        let start: CalendarDay?
        let over: Bool
        var targetName: String { teacher?.fullName ?? school?.shortName ?? "" }
    }

    /// Mentors and curators share one capacity (schools), tutors another (teachers).
    static func group(_ kind: AssignmentKind?) -> SupportPool? {
        switch kind {
        case .mentorSchool, .curatorSchool: .mentor
        case .tutorTeacher: .tutor
        default: nil
        }
    }

    static func start(_ a: Assignment) -> CalendarDay? { CuratorshipService.day(a.startsOn ?? a.orderDate) }

    func run(_ rows: [AssignmentImportRow]) async throws -> ImportOutcome {
        let book = try await base.codeBook(people: rows.flatMap { [$0.personCode] + ($0.teacherCode.map { [$0] } ?? []) },
                                           schools: rows.compactMap(\.schoolCode))
        var errors: [ImportError] = []
        var resolved: [(AssignmentImportRow, Person, School?, Person?)] = []
        for r in rows {
            var rowErrors: [ImportError] = []
            let person = base.person(r.personCode, book, row: r.row, column: Self.title(Key.personCode), role: "\(r.kind.title)", errors: &rowErrors)
            var school: School?, teacher: Person?
            if let code = r.schoolCode {
                school = base.school(code, book, row: r.row, column: Self.title(Key.schoolCode), errors: &rowErrors)
            }
            if !r.kind.targetsSchool, let code = r.teacherCode {
                teacher = base.person(code, book, row: r.row, column: Self.title(Key.teacherCode), role: "Педагог", errors: &rowErrors)
                if let teacher, let school, teacher.$school.id != school.id {
                    rowErrors.append(.init(row: r.row, column: Self.title(Key.schoolCode),
                                           message: "Педагог «\(code)» работает не в школе «\(school.code)»: укажите школу педагога или оставьте ячейку пустой."))
                }
                if let teacher, let person, teacher.id == person.id {
                    rowErrors.append(.init(row: r.row, column: Self.title(Key.teacherCode), message: "Тьютор не может быть закреплён за самим собой."))
                }
            }
            errors += rowErrors
            if rowErrors.isEmpty, let person { resolved.append((r, person, school, teacher)) }
        }

        let mid = base.municipalityID
        let existing = try await base.assignments(of: resolved.map { $0.1.id! })
        let settings = try await MentoringSettings.load(mid, on: base.db)
        let own = Dictionary(try await SupportCapacity.query(on: base.db).filter(\.$personID ~~ Array(Set(resolved.map { $0.1.id! }))).all()
            .map { ($0.personID, $0.capacity) }, uniquingKeysWith: { a, _ in a })
        // The assignments each supporter will carry, by id, as the rows come: the database's, replaced or added to by the file's.
        var carried: [String: [UUID: AssignmentSpan]] = [:]
        for a in existing {
            guard let pid = a.$person.id, let g = Self.group(a.assignmentKind) else { continue }
            carried["\(pid)|\(g.rawValue)", default: [:]][a.id!] = AssignmentRules.span(a)
        }
        var taken: [UUID: Int] = [:]              // existing assignment → the row that updates it
        var fileSpans: [String: [(row: Int, span: AssignmentSpan)]] = [:]   // pair → the file's rows
        var plans: [Plan] = []
        var notes: [String] = []
        for (r, person, school, teacher) in resolved {
            let kind = r.kind.assignmentKind
            let targetID = r.kind.targetsSchool ? school!.id! : teacher!.id!
            let start = r.from ?? r.orderDate
            let span = AssignmentSpan(from: start, to: r.to)
            let pair = existing.filter { a in
                a.kind == kind.rawValue && a.$person.id == person.id && (r.kind.targetsSchool ? a.$school.id : a.$teacher.id) == targetID
            }
            let match = pair.first { Self.start($0) == start }
            let pairKey = "\(kind.rawValue)|\(person.id!)|\(targetID)"
            if let match, let first = taken[match.id!] {
                errors.append(.init(row: r.row, column: Self.title(Key.personCode),
                                    message: "Это же закрепление (вид, наставник или тьютор, школа или педагог, дата начала) уже есть в строке \(first). Удалите повторяющуюся строку."))
                continue
            }
            if let clash = fileSpans[pairKey]?.first(where: { $0.span.overlaps(span) }) {
                errors.append(.init(row: r.row, column: Self.title(Key.from),
                                    message: "Сроки этого закрепления пересекаются со сроками того же закрепления в строке \(clash.row): одно и то же закрепление не может действовать дважды. Исправьте даты или удалите строку."))
                continue
            }
            if let other = pair.first(where: { $0.id != match?.id && taken[$0.id!] == nil && AssignmentRules.span($0).overlaps(span) }) {
                let order = other.orderNumber.isEmpty ? "" : ", приказ № \(other.orderNumber)"
                errors.append(.init(row: r.row, column: Self.title(Key.from),
                                    message: "Такое закрепление уже действует (\(MentoringImporter.spanText(AssignmentRules.span(other)))\(order)), а дата начала в файле другая. Чтобы изменить его, укажите ту же дату начала; чтобы закрепить заново, сначала завершите действующее."))
                continue
            }
            if let match { taken[match.id!] = r.row }
            fileSpans[pairKey, default: []].append((r.row, span))

            // The load on the row's first day (or today), the file's rows so far included.
            let group = r.kind.pool == .tutor ? SupportPool.tutor : .mentor
            let carriedKey = "\(person.id!)|\(group.rawValue)"
            carried[carriedKey, default: [:]][match?.id ?? UUID()] = span
            let day = r.from ?? base.today
            let load = Capacity.load(assignments: Array(carried[carriedKey]!.values), at: day)
            let capacity = Capacity.effective(personal: own[person.id!], municipalDefault: group == .tutor ? settings.tutorCapacity : settings.mentorCapacity)
            let over = span.isActive(on: day) && Capacity.isOver(load: load, capacity: capacity)
            if over {
                notes.append("Строка \(r.row): \(person.fullName) (\(person.staffCode)) — закреплений на \(day.ru): \(load) при норме \(capacity). Закрепление загружено и отмечено как сверх нормы нагрузки.")
            }
            plans.append(Plan(row: r, person: person, school: school, teacher: teacher,
                              existing: match, start: start, over: over))
        }
        guard errors.isEmpty else { return MentoringImporter.failed(errors) }

        let frozen = plans
        let zone = CuratorshipService.zone
        var outcome = try await base.write(rows: frozen.count, keys: [.support(mid), .registry(mid)]) { db, audit in
            var outcome = ImportOutcome()
            var created: [Assignment] = []
            for p in frozen {
                let a = p.existing ?? Assignment()
                let before = p.existing.map(AssignmentsController.snapshot)
                a.kind = p.row.kind.assignmentKind.rawValue
                a.municipalityID = mid
                a.$person.id = p.person.id
                if p.row.kind.targetsSchool {
                    a.$school.id = p.school?.id
                    a.$teacher.id = nil
                } else {
                    a.$teacher.id = p.teacher?.id
                    a.$school.id = p.school?.id ?? p.teacher?.$school.id
                }
                a.orderNumber = p.row.orderNumber
                a.orderDate = p.row.orderDate?.date(timeZone: zone)
                a.startsOn = p.start?.date(timeZone: zone)
                a.endsOn = p.row.to?.date(timeZone: zone)
                a.overCapacity = p.over
                if p.existing != nil {
                    try await a.update(on: db)
                    outcome.updated += 1
                } else {
                    a.id = UUID()
                    created.append(a)
                    outcome.created += 1
                }
                audit.add(p.existing == nil ? .create : .update, entity: "assignment", id: a.id,
                          label: "\(p.row.kind.assignmentKind.title): \(p.person.fullName) → \(p.targetName)", municipalityID: mid,
                          before: before, after: AssignmentsController.snapshot(a))
            }
            try await ImportRows.createInBatches(created, on: db)
            return outcome
        }
        outcome.notes = notes
        return outcome
    }
}
