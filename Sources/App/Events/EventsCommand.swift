import Vapor
import Fluent
import Domain

/// `opora events coverage --municipality CODE --from D --to D --format csv|json`: the coverage page's
/// figures in long form (`school_code, school, figure, value`).
struct EventsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what") var what: String
        @Option(name: "municipality") var municipality: String?
        @Option(name: "from") var from: String?
        @Option(name: "to") var to: String?
        @Option(name: "format") var format: String?
    }
    var help: String { "Охват школ мероприятиями: events coverage --municipality CODE --from ДАТА --to ДАТА --format csv|json" }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard s.what == "coverage" else { throw Abort(.badRequest, reason: "Использование: events coverage --municipality CODE --from ДАТА --to ДАТА --format csv|json") }
        let m = try await Municipality.required(code: s.municipality, on: app.db)
        guard let from = s.from.flatMap(CalendarDay.parse), let to = s.to.flatMap(CalendarDay.parse), from <= to else {
            throw Abort(.badRequest, reason: "--from и --to: даты в виде 2026-01-01 или 01.01.2026, начало не позже конца")
        }
        context.console.output(ConsoleText(stringLiteral: try Self.render(try await EventCoverageService.rows(m, from: from, to: to, on: app.db), format: s.format ?? "csv")), newLine: false)
    }

    static func render(_ rows: [EventCoverage.Row], format: String) throws -> String {
        switch format {
        case "csv": EventCoverage.csv(rows)
        case "json": EventCoverage.json(rows) + "\n"
        default: throw Abort(.badRequest, reason: "Формат: csv или json")
        }
    }
}
