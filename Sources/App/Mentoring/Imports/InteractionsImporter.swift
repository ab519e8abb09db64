import Vapor
import Fluent
import Domain
import Importing

/// Interactions file → the work log.
///
/// - The author, the school and the teacher are registry codes of the importer's municipality.
/// - The author is assigned to the interaction's target on its date: a tutor's interaction names
///   its teacher (a tutor assignment to that teacher; the school, when given, is the teacher's),
///   a mentor's or curator's names its school (a mentor or curator assignment to it, no teacher).
///   No such assignment is the error of the school's or teacher's column; one whose days do not
///   contain the date is the error of the date's column. A date after today is refused.
/// - Re-import updates: the same author, date, target and topic (ignoring case) is the same
///   interaction — its form, format, duration and participants are the file's; its outcome and
///   next step, written on the work log page, stay.
struct InteractionsImporter {
    typealias Key = InteractionImport.Key
    let base: MentoringImporter

    static func title(_ key: String) -> String { MentoringImporter.title(InteractionImport.columns, key) }

    struct Plan: Sendable {
        let row: InteractionImportRow
        let author: Person
        let school: School?
        let teacher: Person?
        let existing: Interaction?
        var targetID: UUID { teacher?.id ?? school!.id! }
        var targetName: String { teacher?.fullName ?? school?.shortName ?? "" }
    }

    struct Snapshot: Encodable {
        let author: UUID, school: UUID?, teacher: UUID?, day: String, form: String, format: String, topic: String
        let durationMinutes: Int, participants: Int?
        init(_ i: Interaction) {
            author = i.$author.id; school = i.$school.id; teacher = i.$teacher.id; day = i.dayText; form = i.form; format = i.format
            topic = i.topic; durationMinutes = i.durationMinutes; participants = i.participants
        }
    }

    static func key(author: UUID, day: String, target: UUID, topic: String) -> String {
        "\(author)|\(day)|\(target)|\(MentoringImporter.squeezed(topic).lowercased())"
    }

    func run(_ rows: [InteractionImportRow]) async throws -> ImportOutcome {
        let book = try await base.codeBook(people: rows.flatMap { [$0.authorCode] + ($0.teacherCode.map { [$0] } ?? []) },
                                           schools: rows.compactMap(\.schoolCode))
        var errors: [ImportError] = []
        var resolved: [(InteractionImportRow, Person, School?, Person?)] = []
        for r in rows {
            var rowErrors: [ImportError] = []
            let author = base.person(r.authorCode, book, row: r.row, column: Self.title(Key.authorCode), role: "Автор", errors: &rowErrors)
            let school = r.schoolCode.flatMap { base.school($0, book, row: r.row, column: Self.title(Key.schoolCode), errors: &rowErrors) }
            let teacher = r.teacherCode.flatMap { base.person($0, book, row: r.row, column: Self.title(Key.teacherCode), role: "Педагог", errors: &rowErrors) }
            if r.date > base.today {
                rowErrors.append(.init(row: r.row, column: Self.title(Key.date),
                                       message: "Дата \(r.date.ru) ещё не наступила: в журнал вносят проведённые взаимодействия. Исправьте дату."))
            }
            errors += rowErrors
            if rowErrors.isEmpty, let author { resolved.append((r, author, school, teacher)) }
        }

        let assignments = Dictionary(grouping: try await base.assignments(of: resolved.map { $0.1.id! }), by: { $0.$person.id! })
        let days = resolved.map(\.0.date.iso)
        var found: [Interaction] = []
        if let first = days.min(), let last = days.max() {
            let ids = Array(Set(resolved.map { $0.1.id! }))
            for start in stride(from: 0, to: ids.count, by: 900) {
                found += try await Interaction.query(on: base.db).filter(\.$author.$id ~~ Array(ids[start..<min(ids.count, start + 900)]))
                    .filter(\.$dayText >= first).filter(\.$dayText <= last).sort(\.$createdAt).all()
            }
        }
        var existing: [String: Interaction] = [:]
        for i in found {
            guard let target = i.$teacher.id ?? i.$school.id else { continue }
            let k = Self.key(author: i.$author.id, day: i.dayText, target: target, topic: i.topic)
            if existing[k] == nil { existing[k] = i }
        }

        var plans: [Plan] = []
        var seen: [String: Int] = [:]
        for (r, author, school, teacher) in resolved {
            let mine = assignments[author.id!] ?? []
            var target: (school: School?, teacher: Person?)?
            var pairs: [Assignment] = []
            var targetText = ""
            var error: ImportError?
            let tutorPairs = teacher.map { t in mine.filter { $0.assignmentKind == .tutorTeacher && $0.$teacher.id == t.id } } ?? []
            let schoolPairs = school.map { s in
                mine.filter { ($0.assignmentKind == .mentorSchool || $0.assignmentKind == .curatorSchool) && $0.$school.id == s.id }
            } ?? []
            if let teacher, !tutorPairs.isEmpty {
                if let school, teacher.$school.id != school.id {
                    error = .init(row: r.row, column: Self.title(Key.schoolCode),
                                  message: "Педагог «\(teacher.staffCode)» работает не в школе «\(school.code)»: укажите школу педагога или оставьте ячейку пустой.")
                }
                target = (nil, teacher); pairs = tutorPairs; targetText = "тьютором за педагогом «\(teacher.staffCode)»"
            } else if let school, !schoolPairs.isEmpty {
                if let teacher {
                    error = .init(row: r.row, column: Self.title(Key.teacherCode),
                                  message: "Автор «\(author.staffCode)» не закреплён тьютором за педагогом «\(teacher.staffCode)», а закреплён за школой «\(school.code)»: у взаимодействия наставника или куратора со школой очистите код педагога.")
                }
                target = (school, nil); pairs = schoolPairs; targetText = "за школой «\(school.code)»"
            } else if let teacher {
                error = .init(row: r.row, column: Self.title(Key.teacherCode),
                              message: "Автор «\(author.staffCode)» не закреплён тьютором за педагогом «\(teacher.staffCode)»: взаимодействие записывают тому, за кем автор закреплён. Проверьте коды или сначала загрузите закрепление.")
            } else if let school {
                error = .init(row: r.row, column: Self.title(Key.schoolCode),
                              message: "Автор «\(author.staffCode)» не закреплён наставником или куратором за школой «\(school.code)»: взаимодействие записывают тому, за кем автор закреплён. Проверьте коды или сначала загрузите закрепление.")
            }
            if error == nil, target != nil, !pairs.contains(where: { AssignmentRules.span($0).contains(r.date) }) {
                let spans = pairs.map { MentoringImporter.spanText(AssignmentRules.span($0)) }.joined(separator: "; ")
                error = .init(row: r.row, column: Self.title(Key.date),
                              message: "\(r.date.ru) автор «\(author.staffCode)» не был закреплён \(targetText): закрепление действует \(spans). Проверьте дату или сроки закрепления.")
            }
            if let error { errors.append(error); continue }
            guard let target else { continue }
            let targetID = target.teacher?.id ?? target.school!.id!
            let k = Self.key(author: author.id!, day: r.date.iso, target: targetID, topic: r.topic)
            if let first = seen[k] {
                errors.append(.init(row: r.row, column: Self.title(Key.topic),
                                    message: "Такое же взаимодействие (автор, дата, школа или педагог, тема) уже есть в строке \(first). Удалите повторяющуюся строку."))
                continue
            }
            seen[k] = r.row
            plans.append(Plan(row: r, author: author, school: target.school, teacher: target.teacher, existing: existing[k]))
        }
        guard errors.isEmpty else { return MentoringImporter.failed(errors) }

        let frozen = plans
        let mid = base.municipalityID
        let login = base.actor.login
        return try await base.write(rows: frozen.count, keys: [.support(mid)]) { db, audit in
            var outcome = ImportOutcome()
            var created: [Interaction] = []
            for p in frozen {
                let i = p.existing ?? Interaction()
                let before = p.existing.map(Snapshot.init)
                if p.existing == nil {
                    i.id = UUID(); i.municipalityID = mid; i.$author.id = p.author.id!
                    i.$school.id = p.school?.id; i.$teacher.id = p.teacher?.id; i.dayText = p.row.date.iso
                    i.topic = String(p.row.topic.prefix(500)); i.outcome = ""; i.nextStep = ""; i.createdBy = login
                }
                i.form = p.row.form.rawValue; i.format = p.row.format.rawValue
                i.durationMinutes = p.row.durationMinutes; i.participants = p.row.participants
                if p.existing != nil {
                    try await i.update(on: db)
                    outcome.updated += 1
                } else {
                    created.append(i)
                    outcome.created += 1
                }
                audit.add(p.existing == nil ? .create : .update, entity: "interaction", id: i.id,
                          label: "\(p.author.fullName) → \(p.targetName), \(p.row.date.ru): \(i.topic)", municipalityID: mid,
                          before: before, after: Snapshot(i))
            }
            try await ImportRows.createInBatches(created, on: db)
            return outcome
        }
    }
}
