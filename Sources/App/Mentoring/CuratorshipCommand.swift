import Vapor
import Fluent
import Domain

/// `opora curatorship figures --municipality CODE --from DATE --to DATE --format csv|json`:
/// the figures of «Сопровождение» in long form (`scope, scope_code, figure, value`), from the
/// same snapshot and rules as the page.
struct CuratorshipCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what") var what: String
        @Option(name: "municipality") var municipality: String?
        @Option(name: "from") var from: String?
        @Option(name: "to") var to: String?
        @Option(name: "format") var format: String?
    }
    var help: String { "Показатели сопровождения: curatorship figures --municipality CODE --from ДАТА --to ДАТА --format csv|json" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard s.what == "figures" else { throw Abort(.badRequest, reason: "Использование: curatorship figures --municipality CODE --from ДАТА --to ДАТА --format csv|json") }
        let m = try await Municipality.required(code: s.municipality, on: app.db)
        guard let from = s.from.flatMap(CalendarDay.parse), let to = s.to.flatMap(CalendarDay.parse) else {
            throw Abort(.badRequest, reason: "Укажите --from и --to: даты в виде 2026-09-01 или 01.09.2026")
        }
        guard from <= to else { throw Abort(.badRequest, reason: "--from позже --to: поменяйте даты местами") }
        let rows = try await CuratorshipService.snapshot(m, from: from, to: to, on: app.db).rows
        switch s.format ?? "csv" {
        case "csv": context.console.output(ConsoleText(stringLiteral: CuratorshipFigures.csv(rows)), newLine: false)
        case "json": context.console.output(ConsoleText(stringLiteral: CuratorshipFigures.json(rows) + "\n"), newLine: false)
        default: throw Abort(.badRequest, reason: "Формат: csv или json")
        }
    }
}
