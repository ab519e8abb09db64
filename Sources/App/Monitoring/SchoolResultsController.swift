import Vapor
import Fluent
import Views
import Domain

/// «Результаты» of a school card: charts and the indicators with their formulas.
enum SchoolResultsController {
    @Sendable static func show(req: Request) async throws -> Response {
        let school = try await SchoolsController.load(req)
        let m = school.municipality
        let queryYear = req.query(YearQuery.self).year
        let year: Int
        if let queryYear { year = queryYear } else { year = try await MonitoringService.defaultYear([m], on: req.db, now: req.now) }
        let computed = try await MonitoringService.compute([m], year: year, req: req)
        let mine = computed.result.school(school.code)
        let settings = computed.result.settings

        let (egeCharts, vprCharts) = try await MonitoringService.schoolSeries(school, settings: settings, on: req.db)
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
                        crumbs: SchoolsController.crumbs + [Crumb(school.shortName, SiteURL.school(school.id!.uuidString).path), Crumb("Результаты")],
                        SchoolResultsView.body(model))
    }
}
