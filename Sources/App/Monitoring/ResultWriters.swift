import Fluent
import Foundation
import Domain
import Importing

/// Writes matched result rows; each method is one transaction (all or nothing).
struct ResultWriters: Sendable {
    let municipality: Municipality
    let resolver: SchoolResolver
    let importID: UUID?
    let db: any Database
    var skipping: Set<String> = []
    typealias Outcome = ImportOutcome

    /// What a result import moves on: the municipality's results, and the region's references when it saved some.
    func versionKeys(referencesSaved: Bool) -> [DataKey] {
        [.results(municipality.id!)] + (referencesSaved ? [.references(municipality.$region.id)] : [])
    }

    func prepare<Row: Sendable>(_ file: ResultFile<Row>, key: (Row) -> SchoolKey, row: (Row) -> Int) -> (ResultImportService.Matched<Row>, Outcome) {
        let m = ResultImportService.match(file.rows, key: key, row: row, municipality: municipality, resolver: resolver, skipping: skipping)
        var o = Outcome(notes: file.notes, unmatched: m.unmatched)
        o.skippedOtherMunicipality = m.skipped
        if m.skipped > 0 { o.notes.append("Пропущено строк школ других муниципалитетов или отмеченных «не наша школа»: \(m.skipped).") }
        return (m, o)
    }

    /// Matches the rows, then writes them all in one transaction through `write`
    /// (which replaces the same school/subject/grade/year), or writes nothing.
    func replace<Row: Sendable>(_ f: ResultFile<Row>, key: (Row) -> SchoolKey, row: (Row) -> Int, references: Bool = false,
                                write: @escaping @Sendable (Row, ResolvedSchool, any Database) async throws -> Void) async throws -> Outcome {
        let (m, o) = prepare(f, key: key, row: row)
        guard o.unmatched.isEmpty else { return o }
        let refs = references ? f.references : []
        return try await db.transaction { db in
            var o = o
            for (r, s) in m.rows { try await write(r, s, db); o.written += 1 }
            return try await finish(o, references: refs, on: db)
        }
    }

    /// The end of every writing transaction: the file's region rows saved as references, and
    /// the data versions moved (the caller audits the import).
    func finish(_ o: Outcome, references refs: [RegionReference], on db: any Database) async throws -> Outcome {
        var o = o
        if !refs.isEmpty {
            let saved = try await saveReferences(refs, on: db)
            o.references = saved.count
            o.notes += saved.notes
        }
        try await DataVersion.bump(versionKeys(referencesSaved: o.references > 0), on: db)
        return o
    }

    /// ЕГЭ and ВПР rows go in multi-row statements (ResultBulkWriter's rows), not one by one.
    func ege(_ f: ResultFile<EGERow>) async throws -> Outcome {
        try await replaceInBatches(f, key: \.school, row: \.row) { EGEBulkRow($0, school: $1.no!) }
    }

    func vpr(_ f: ResultFile<VPRRow>) async throws -> Outcome {
        try await replaceInBatches(f, key: \.school, row: \.row) { VPRBulkRow($0, school: $1.no!) }
    }

    func oge(_ f: ResultFile<OGERow>) async throws -> Outcome {
        let importID = importID
        return try await replace(f, key: \.school, row: \.row) { r, s, db in
            try await OGEResult.query(on: db).filter(\.$school.$id == s.id!).filter(\.$year == r.year).filter(\.$subject == r.subject).delete()
            let e = OGEResult()
            e.$school.id = s.id!; e.year = r.year; e.subject = r.subject; e.participants = r.participants; e.averageMark = r.averageMark
            e.averageScore = r.averageScore; e.belowThreshold = r.belowThreshold; e.belowShare = r.belowThresholdShare; e.importID = importID
            try await e.create(on: db)
        }
    }

    func term(_ f: ResultFile<TermRow>) async throws -> Outcome {
        let importID = importID
        return try await replace(f, key: \.school, row: \.row) { r, s, db in
            var q = TermResult.query(on: db).filter(\.$school.$id == s.id!).filter(\.$year == r.year).filter(\.$period == r.period)
                .filter(\.$subject == r.subject).filter(\.$className == (r.className ?? ""))
            q = r.grade.map { g in q.filter(\.$grade == g) } ?? q.filter(\.$grade == nil)
            try await q.delete()
            let t = TermResult()
            t.$school.id = s.id!; t.year = r.year; t.period = r.period; t.grade = r.grade; t.className = r.className ?? ""; t.subject = r.subject
            t.participants = r.participants; t.successRate = r.successRate; t.qualityRate = r.qualityRate; t.importID = importID
            try await t.create(on: db)
        }
    }

    func journal(_ f: ResultFile<JournalComparisonRow>) async throws -> Outcome {
        let importID = importID
        return try await replace(f, key: \.school, row: \.row) { r, s, db in
            try await JournalComparison.query(on: db).filter(\.$school.$id == s.id!).filter(\.$year == r.year).filter(\.$subject == r.subject).filter(\.$grade == r.grade).delete()
            let j = JournalComparison()
            j.$school.id = s.id!; j.year = r.year; j.subject = r.subject; j.grade = r.grade; j.participants = r.participants
            j.lowered = r.lowered; j.confirmed = r.confirmed; j.raised = r.raised; j.importID = importID
            try await j.create(on: db)
        }
    }

    /// Participant rows replace the whole series (school, subject, grade, year) they belong to.
    func participants(_ f: ResultFile<VPRParticipantRow>) async throws -> Outcome {
        let importID = importID
        let cleared = Cleared()
        return try await replace(f, key: \.school, row: \.row) { r, s, db in
            if await cleared.first("\(s.id!)|\(r.year)|\(r.subject)|\(r.grade)") {
                try await VPRParticipant.query(on: db).filter(\.$school.$id == s.id!).filter(\.$year == r.year).filter(\.$subject == r.subject).filter(\.$grade == r.grade).delete()
            }
            let p = VPRParticipant()
            p.$school.id = s.id!; p.year = r.year; p.subject = r.subject; p.grade = r.grade; p.className = r.className; p.participant = r.participant
            p.primaryScore = r.primaryScore; p.mark = r.mark; p.journalMark = r.journalMark; p.importID = importID
            try await p.create(on: db)
        }
    }

    actor Cleared {
        private var keys = Set<String>()
        func first(_ key: String) -> Bool { keys.insert(key).inserted }
    }

    func objectivity(_ f: ResultFile<ObjectivityFlagRow>) async throws -> Outcome {
        let importID = importID
        return try await replace(f, key: \.school, row: \.row) { r, s, db in
            try await ObjectivityFlag.query(on: db).filter(\.$school.$id == s.id!).filter(\.$year == r.year).filter(\.$procedure == r.procedure).delete()
            let x = ObjectivityFlag()
            x.$school.id = s.id!; x.year = r.year; x.procedure = r.procedure; x.importID = importID
            try await x.create(on: db)
        }
    }

    func context(_ f: ResultFile<ContextRow>) async throws -> Outcome {
        try await replace(f, key: \.school, row: \.row) { r, s, db in
            let existing = try await SchoolContext.query(on: db).filter(\.$school.$id == s.id!).filter(\.$year == r.year).first()
            let c = existing ?? SchoolContext()
            if existing == nil { c.$school.id = s.id!; c.year = r.year; c.selfExamination = "" }
            // The figures in the file replace the saved ones; the others stay.
            var draft = c.draft
            for figure in SchoolContextDraft.figures {
                if let text = r.values[figure.key], !text.isEmpty { _ = figure.read(text, into: &draft) }   // checked by the import
            }
            c.apply(draft)
            try await c.save(on: db)
        }
    }

    /// A value averaged over a file's own participants is the region's only when the file
    /// covers the region: participants from at least two municipalities (Код МСУ) and from
    /// most of them — more than half of the region's municipalities known here.
    static func coversRegion(municipalities: [String], regionMunicipalities: Int) -> Bool {
        municipalities.count >= 2 && municipalities.count * 2 > regionMunicipalities
    }

    /// Region rows of the files: ЕГЭ averages (the reference of indicator 1) and the
    /// ВПР regional mean mark Σ m·p(m)/100 (the reference of the objectivity check). An ЕГЭ
    /// average of a protocol that does not cover the region is not saved, and a note says so.
    func saveReferences(_ refs: [RegionReference], on db: any Database) async throws -> (count: Int, notes: [String]) {
        var saved = 0, notes: [String] = []
        var vpr: [String: [Int: String]] = [:]
        let averaged = refs.contains { $0.municipalities != nil }
        let known = averaged ? try await Municipality.query(on: db).filter(\.$region.$id == municipality.$region.id).count() : 0
        var local: [String] = []
        for r in refs where r.scope == .region {
            if r.measure == "average_score", let covered = r.municipalities,
               !Self.coversRegion(municipalities: covered, regionMunicipalities: known) {
                if local.isEmpty { local = covered.isEmpty ? ["—"] : covered }
                continue
            }
            if r.measure == "average_score" {
                try await upsertReference(exam: "ege", subject: r.subject, grade: 0, year: r.year, value: r.value, on: db); saved += 1
            } else if r.measure.hasPrefix("mark"), let m = Int(r.measure.dropFirst(4)) {
                vpr["\(r.subject)|\(r.grade ?? 0)|\(r.year)", default: [:]][m] = r.value
            }
        }
        for (key, shares) in vpr where shares.count == 4 {
            let parts = key.split(separator: "|").map(String.init)
            var sum = Rational.zero
            for (m, p) in shares { guard let v = Rational(decimal: p) else { continue }; sum = sum + Rational(m) * v }
            try await upsertReference(exam: "vpr_mean", subject: parts[0], grade: Int(parts[1]) ?? 0, year: Int(parts[2]) ?? 0,
                                      value: (sum / Rational(100)).rounded(4), on: db)
            saved += 1
        }
        if !local.isEmpty {
            let what = local == ["—"] ? "в файле нет столбца «Код МСУ»" : "в файле участники \(local.count == 1 ? "одного муниципалитета" : "лишь \(local.count) муниципалитетов") (Код МСУ \(local.joined(separator: ", ")))"
            notes.append("Средние баллы по файлу не сохранены как региональный эталон показателя 1: \(what), а региональным "
                         + "считается только файл по всему региону. Введите средний балл по региону на странице «Эталоны» или загрузите протокол по региону.")
        }
        return (saved, notes)
    }

    func upsertReference(exam: String, subject: String, grade: Int, year: Int, value: String, on db: any Database) async throws {
        let regionID = municipality.$region.id
        let row = try await ReferenceValue.query(on: db).filter(\.$regionID == regionID).filter(\.$exam == exam).filter(\.$subject == subject)
            .filter(\.$grade == grade).filter(\.$year == year).first() ?? ReferenceValue()
        row.regionID = regionID; row.exam = exam; row.subject = subject; row.grade = grade; row.year = year; row.value = value
        row.source = "из файла"
        try await row.save(on: db)
    }
}
