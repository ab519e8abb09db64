import Vapor
import Fluent
import Domain

/// `opora plans figures --municipality CODE --as-of DATE --format csv|json`: every plan's execution
/// figures in long form (`plan_owner, plan_kind, plan_year, plan_title, figure, value`), from the
/// same rules and rows as the plan pages.
struct PlansCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what") var what: String
        @Option(name: "municipality") var municipality: String?
        @Option(name: "as-of") var asOf: String?
        @Option(name: "format") var format: String?
    }
    var help: String { "Показатели исполнения планов: plans figures --municipality CODE --as-of ДАТА --format csv|json" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard s.what == "figures" else { throw Abort(.badRequest, reason: "Использование: plans figures --municipality CODE --as-of ДАТА --format csv|json") }
        let m = try await Municipality.required(code: s.municipality, on: app.db)
        guard let asOf = s.asOf.map({ CalendarDay.parse($0) }) ?? CalendarDay(date: app.now(), timeZone: PlanService.zone) else {
            throw Abort(.badRequest, reason: "--as-of: дата в виде 2026-03-31 или 31.03.2026")
        }
        context.console.output(ConsoleText(stringLiteral: try Self.render(try await PlanService.rows(m, asOf: asOf, on: app.db), format: s.format ?? "csv")), newLine: false)
    }

    static func render(_ rows: [PlanFigureRow], format: String) throws -> String {
        switch format {
        case "csv": PlanFigures.csv(rows)
        case "json": PlanFigures.json(rows) + "\n"
        default: throw Abort(.badRequest, reason: "Формат: csv или json")
        }
    }
}
