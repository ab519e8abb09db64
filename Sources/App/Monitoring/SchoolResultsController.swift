import Vapor
import Fluent
import Views
import Domain

/// «Результаты» of a school card: charts and the indicators with their formulas.
enum SchoolResultsController {
    @Sendable static func show(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req)
        let m = school.municipality
        let queryYear = req.queryDict(["year"])["year"].flatMap(Int.init)
        let year: Int
        if let queryYear { year = queryYear } else { year = try await MonitoringService.defaultYear([m], on: req.db, now: req.now) }
        let computed = try await MonitoringService.compute([m], year: year, req: req)
        let mine = computed.result.school(school.code)
        let settings = computed.result.settings

        let ege = try await EGEResult.query(on: req.db).filter(\.$schoolNo == school.no ?? 0).sort(\.$year).all()
        let refs = try await ReferenceValue.query(on: req.db).filter(\.$regionID == school.regionID).filter(\.$exam == "ege").all()
        let municipalMeans = try await MonitoringService.municipalEGEMeans(m, on: req.db)
        let egeCharts = Set(ege.map(\.subject)).sorted { (settings.egeSubjects.firstIndex(of: $0) ?? 99, $0) < (settings.egeSubjects.firstIndex(of: $1) ?? 99, $1) }.map { subject in
            let years = Array(Set(ege.filter { $0.subject == subject }.map(\.year) + refs.filter { $0.subject == subject }.map(\.year))).sorted()
            let own = years.map { y in (x: y, y: ege.first { $0.subject == subject && $0.year == y }.flatMap { Rational(decimal: $0.average)?.double }) }
            let regional = years.map { y in (x: y, y: refs.first { $0.subject == subject && $0.year == y }.flatMap { Rational(decimal: $0.value)?.double }) }
            let municipal = years.map { y in (x: y, y: municipalMeans[subject]?[y]?.mean.double) }
            var series = [Charts.Series(name: school.shortName, points: own, style: .school)]
            if regional.contains(where: { $0.y != nil }) { series.append(Charts.Series(name: "Регион (эталон)", points: regional, style: .reference)) }
            series.append(Charts.Series(name: "\(m.name): средневзвешенный балл", points: municipal, style: regional.contains(where: { $0.y != nil }) ? .other : .reference))
            return (title: "ЕГЭ, \(MonitoringSubject.title(subject)): средний балл", series: series)
        }
        let vpr = try await VPRResult.query(on: req.db).filter(\.$schoolNo == school.no ?? 0).sort(\.$year).all()
        var keys: [(String, Int)] = []
        for r in vpr where !keys.contains(where: { $0 == (r.subject, r.grade) }) { keys.append((r.subject, r.grade)) }
        keys.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        let vprCharts = keys.map { key in
            (title: "ВПР, \(MonitoringSubject.title(key.0)), \(key.1) класс", bars: vpr.filter { $0.subject == key.0 && $0.grade == key.1 }.compactMap { r -> Charts.Bar? in
                guard let marks = ResultMapping.marks(r) else { return nil }
                let shares: [Double]
                switch marks {
                case .counts(let k): shares = k.map { r.participants > 0 ? 100 * Double($0) / Double(r.participants) : 0 }
                case .percentages(let p): shares = p.map(\.double)
                }
                return Charts.Bar(label: String(r.year), shares: shares, participants: r.participants,
                                  note: r.participants < settings.smallGroup ? "мало участников" : (r.source == "percentages" ? "проценты ФИС ОКО" : nil))
            })
        }
        // The same share as the federal risk rule computes (ProcedureInput.failingShare), with its inputs.
        let ogeRows = try await OGEResult.query(on: req.db).filter(\.$school.$id == school.id!).sort(\.$subject).sort(\.$year).all().map { r in
            let p = ResultMapping.procedure(r, schoolCode: school.code)
            let how: String = switch p?.failing {
            case .count(let k)? where r.participants > 0: "\(k) / \(r.participants) × 100"
            case .percent?: "как в файле"
            default: "нет данных"
            }
            return SchoolResultsView.OGERow(subject: r.subject, year: r.year, participants: r.participants, averageMark: r.averageMark,
                                            averageScore: r.averageScore, belowShare: p?.failingShare, belowHow: how)
        }
        var model = SchoolResultsView.Model(year: year, egeCharts: egeCharts, vprCharts: vprCharts, result: mine,
                                            notes: MonitoringService.notes(computed.result).prefix(3) + [], years: MonitoringController.years(year),
                                            schoolID: school.id!.uuidString)
        model.oge = ogeRows
        model.federalRiskShare = settings.federalRiskShare
        model.federalRiskProcedures = settings.federalRiskProcedures
        return req.page("Результаты: \(school.shortName)", section: .schools,
                        crumbs: SchoolsController.crumbs + [Crumb(school.shortName, "/schools/\(school.id!)"), Crumb("Результаты")],
                        SchoolResultsView.body(model))
    }
}
