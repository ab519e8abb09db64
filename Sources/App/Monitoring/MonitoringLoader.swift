import Fluent
import Foundation
import Domain
import Importing

/// Builds the Domain's MonitoringInput for a set of municipalities and a year from
/// the database: a fixed number of queries, each one pass over its rows.
enum MonitoringLoader {
    struct Scope: Sendable {
        var municipalities: [Municipality]
        var year: Int
        var settings: MonitoringSettings
    }

    static func settings(of m: Municipality) -> MonitoringSettings {
        (try? JSONDecoder().decode(MonitoringSettings.self, from: Data(m.settingsJSON.utf8))) ?? .default
    }

    static func load(_ s: Scope, on db: any Database) async throws -> (MonitoringInput, [UUID: School]) {
        let mids = s.municipalities.compactMap(\.id)
        let names = Dictionary(uniqueKeysWithValues: s.municipalities.map { ($0.id!, $0.name) })
        let schools = try await School.query(on: db).filter(\.$municipality.$id ~~ mids).sort(\.$shortName).all()
        let byID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0) })
        let ids = Array(byID.keys)
        let years = [s.year - 1, s.year]
        let code = { (id: UUID) in byID[id]?.code ?? "" }
        var codeByNo: [Int: String] = [:]
        for school in schools { if let no = school.no { codeByNo[no] = school.code } }
        let nos = Array(codeByNo.keys)

        let statuses = ids.isEmpty ? [] : try await SchoolStatus.query(on: db).filter(\.$school.$id ~~ ids).filter(\.$year == s.year).all()
        let contexts = ids.isEmpty ? [] : try await SchoolContext.query(on: db).filter(\.$school.$id ~~ ids).filter(\.$year ~~ years).all()
        var statusOf: [UUID: SchoolStatus] = [:]
        for st in statuses { statusOf[st.$school.id] = st }
        var contextOf: [UUID: SchoolContext] = [:]
        for c in contexts.sorted(by: { $0.year < $1.year }) { contextOf[c.$school.id] = c }

        let refs: [SchoolRef] = schools.map { school in
            let st = statusOf[school.id!], ctx = contextOf[school.id!]
            var flags = Set<SchoolRef.Status>()
            if st?.lowResults == true { flags.insert(.lowResults) }
            if st?.difficultConditions == true { flags.insert(.difficultConditions) }
            if st?.program500 == true { flags.insert(.program500) }
            if st?.objectivityRisk == true { flags.insert(.objectivityRisk) }
            return SchoolRef(code: school.code, name: school.shortName, municipality: names[school.$municipality.id] ?? "",
                             context: ContextColumns.values(ctx), wellbeingIndex: ctx?.socialWellbeingIndex.flatMap { Rational(decimal: String($0)) },
                             statuses: flags)
        }

        let egeRows = try await ResultRows.ege(schools: nos, years: years, on: db)
        let vprRows = try await ResultRows.vpr(schools: nos, years: years, on: db)
        let ogeRows = ids.isEmpty ? [] : try await OGEResult.query(on: db).filter(\.$school.$id ~~ ids).filter(\.$year ~~ years).all()
        let ege = egeRows.compactMap { r -> EGEInput? in
            guard let avg = Rational(decimal: r.average) else { return nil }
            return EGEInput(resultID: "ege:\(r.id)", schoolCode: codeByNo[r.schoolNo] ?? "", year: r.year, subject: r.subject,
                            participants: r.participants, average: avg, sd: r.sd)
        }
        let vpr = vprRows.compactMap { r -> VPRInput? in
            guard let marks = r.marks else { return nil }
            return VPRInput(resultID: "vpr:\(r.id)", schoolCode: codeByNo[r.schoolNo] ?? "", year: r.year, subject: r.subject, grade: r.grade,
                            participants: r.participants, marks: marks)
        }
        var procedures: [ProcedureInput] = []
        for r in ogeRows { if let p = ResultMapping.procedure(r, schoolCode: code(r.$school.id)) { procedures.append(p) } }
        for r in egeRows { if let below = r.belowMinimum {
            procedures.append(ProcedureInput(schoolCode: codeByNo[r.schoolNo] ?? "", kind: .ege, subject: r.subject, year: r.year, participants: r.participants, failing: .count(below)))
        } }

        let regionIDs = Array(Set(s.municipalities.map { $0.$region.id }))
        // The region's values: ЕГЭ averages (reference of indicator 1) and the ВПР mean marks
        // saved from the region rows of ФИС ОКО files (reference of the objectivity check).
        var regional: [String: [Int: Rational]] = [:], regionalVPR: [VPRSeriesKey: Rational] = [:]
        for ref in try await ReferenceValue.query(on: db).filter(\.$regionID ~~ regionIDs).filter(\.$exam ~~ ["ege", "vpr_mean"])
            .filter(\.$year ~~ years).all() {
            guard let v = Rational(decimal: ref.value) else { continue }
            if ref.exam == "ege" { regional[ref.subject, default: [:]][ref.year] = v }
            else { regionalVPR[VPRSeriesKey(subject: ref.subject, grade: ref.grade, year: ref.year)] = v }
        }
        // Rosobrnadzor's flags keep their procedure: only a ВПР flag may exclude ВПР results.
        let flags = (ids.isEmpty ? [] : try await ObjectivityFlag.query(on: db).filter(\.$school.$id ~~ ids).filter(\.$year ~~ years).all())
            .map { f -> RosobrnadzorFlag in
                let p = ObjectivityProcedure.parse(f.procedure)
                return RosobrnadzorFlag(schoolCode: code(f.$school.id), year: f.year, kind: p.kind, subject: p.subject, grade: p.grade)
            }
        let confirmed = Set(try await ExclusionConfirmation.query(on: db).filter(\.$municipalityID ~~ mids).filter(\.$year == s.year).all().map(\.resultKey))
        let journal = ids.isEmpty ? [] : try await JournalComparison.query(on: db).filter(\.$school.$id ~~ ids).filter(\.$year == s.year).all().map {
            JournalComparisonInput(schoolCode: code($0.$school.id), year: $0.year, subject: $0.subject, grade: $0.grade,
                                   lowered: $0.lowered, confirmed: $0.confirmed, raised: $0.raised)
        }
        let participants = ids.isEmpty ? [] : try await VPRParticipant.query(on: db).filter(\.$school.$id ~~ ids).filter(\.$year == s.year).all().compactMap { p -> VPRParticipantInput? in
            guard let score = p.primaryScore, let mark = p.mark else { return nil }
            return VPRParticipantInput(schoolCode: code(p.$school.id), year: p.year, subject: p.subject, grade: p.grade, primaryScore: score, mark: mark, journalMark: p.journalMark)
        }
        var boundaries: [VPRSeriesKey: VPRBoundaries] = [:]
        for b in try await MarkBoundary.query(on: db).filter(\.$regionID ~~ regionIDs).filter(\.$year == s.year).all() {
            boundaries[VPRSeriesKey(subject: b.subject, grade: b.grade, year: b.year)] = VPRBoundaries(min3: b.min3, min4: b.min4, min5: b.min5)
        }
        let input = MonitoringInput(year: s.year, schools: refs, ege: ege, vpr: vpr, regionalEGEAverage: regional,
                                    regionalVPRMeanMark: regionalVPR, rosobrnadzorFlags: flags, confirmedExclusions: confirmed, procedures: procedures, journalComparisons: journal,
                                    participants: participants, boundaries: boundaries, settings: s.settings)
        return (input, byID)
    }
}

enum ResultMapping {
    /// An ОГЭ result as a procedure of the federal risk rule: the count of "2" when the
    /// file gave it, else the published share; nil when it gave neither.
    static func procedure(_ r: OGEResult, schoolCode: String) -> ProcedureInput? {
        let failing: ProcedureInput.Failing
        if let below = r.belowThreshold { failing = .count(below) }
        else if let share = r.belowShare.flatMap({ Rational(decimal: $0) }) { failing = .percent(share) }
        else { return nil }
        return ProcedureInput(schoolCode: schoolCode, kind: .oge, subject: r.subject, year: r.year, participants: r.participants, failing: failing)
    }

    static func marks(_ r: VPRResult) -> VPRMarks? {
        if r.source == "percentages" {
            let p = [r.p2, r.p3, r.p4, r.p5].compactMap { $0.flatMap { Rational(decimal: $0) } }
            return p.count == 4 ? .percentages(p) : nil
        }
        return MarkCounts([r.m2, r.m3, r.m4, r.m5].compactMap { $0 }).map { .counts($0) }
    }
}

/// The contextual columns of the summary table (Concept: "additional indicators").
enum ContextColumns {
    static let titles: [(String, String)] = [
        ("social_wellbeing_index", "ИСБШ"), ("low_income_share", "Малообесп., %"), ("disabled_share", "ОВЗ, %"),
        ("risk_families_share", "СОП, %"), ("qualified_teachers_share", "Пед. с категорией, %"),
        ("noko_completion", "НОКО, % вып."), ("noko_below_base_share", "НОКО: ниже базового, %"),
    ]
    static func values(_ c: SchoolContext?) -> [String: String] {
        guard let draft = c?.draft else { return [:] }
        var v: [String: String] = [:]
        for figure in SchoolContextDraft.figures where titles.contains(where: { $0.0 == figure.key }) { v[figure.key] = draft.formatted(figure) }
        return v
    }
}
